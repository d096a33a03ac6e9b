package structure

import "statements/generator/grammar"

// locate gives the top blocks of the main text or of an attachment and,
// recursively, their children their locators (grammar, Locators); outer
// locates the attachment (zero in the main text). It runs before the
// blocks of an attachment take its label before theirs, and while the top
// blocks have no parent yet.
func locate(blocks []*Block, outer grammar.Label) {
	unnumbered, preamble := 0, 0
	for _, b := range blocks {
		switch {
		case b.Kind == Preface:
			b.Locator = grammar.Under(outer, grammar.PrefaceLabel)
		case b.Kind == TOC:
			b.Locator = grammar.Under(outer, grammar.TOCLabel)
		case b.Kind == Conclusions:
			b.Locator = grammar.Under(outer, grammar.ClosingLabel)
			if onlyDatelines(b) {
				b.Locator = grammar.Under(outer, grammar.DatelineLabel)
			}
		case b.Kind == Preamble:
			preamble++
			b.Locator = grammar.Under(outer, grammar.PreambleLocator(preamble))
		case b.Kind == Intro:
			b.Locator = grammar.IntroLocator(b.Parent.Locator)
		case b.Level == nil && b.Parent == nil:
			unnumbered++
			b.Locator = grammar.Under(outer, grammar.UnnumberedLocator(unnumbered))
		case b.Level != nil && b.Level.Family == grammar.Decimal:
			b.Locator = grammar.Under(outer, grammar.DecimalLocator(b.Marker))
		case b.Level != nil && b.Level.Family == grammar.GBT && itemDepthUnder(b.Parent) == 0:
			if b.Parent == nil {
				b.Locator = grammar.GBTTopLocator(b.Num, b.Heading, outer)
			} else {
				b.Locator = grammar.GBTItemLocator(b.Parent.Locator, gbtDepth(b), b.Num)
			}
		default:
			// Articles, their paragraphs (款) and items: the label is
			// the locator (第十二条第二款第（三）项, Art. 12(2)(iii)).
			b.Locator = grammar.Under(outer, grammar.Label{Zh: b.Label, En: b.LabelEn})
		}
		locate(b.Children, outer)
	}
}

// gbtDepth is how many levels b is below the top GB/T block that holds it
// (1 for its children), or below the block of another family that holds
// it (1 for its children too).
func gbtDepth(b *Block) int {
	depth := 1
	for p := b.Parent; p.Parent != nil && p.Level != nil && p.Level.Family == grammar.GBT; p = p.Parent {
		depth++
	}
	return depth
}

// locatorOrZero is the block's locator, or zero for none (nil).
func (b *Block) locatorOrZero() grammar.Label {
	if b == nil {
		return grammar.Label{}
	}
	return b.Locator
}
