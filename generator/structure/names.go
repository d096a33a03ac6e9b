package structure

import (
	"fmt"

	"statements/generator/grammar"
)

// name gives a block its id and its paragraphs theirs.
func name(blk *Block, eid string) {
	blk.EID = eid
	for i := range blk.Paragraphs {
		blk.Paragraphs[i].ID = blk.EID
		if i > 0 {
			blk.Paragraphs[i].ID = fmt.Sprintf("%s__p_%d", blk.EID, i+1)
		}
	}
}

func setLabel(blk *Block, l grammar.Label) { blk.Label, blk.LabelEn = l.Zh, l.En }

func labelOf(blk *Block) grammar.Label {
	if blk == nil {
		return grammar.Label{}
	}
	return grammar.Label{Zh: blk.Label, En: blk.LabelEn}
}

// join is the id of a block under parent, or under the segment's prefix at the top.
func join(parent *Block, prefix, stem string) string {
	if parent != nil {
		return parent.EID + "__" + stem
	}
	return prefix + stem
}

// nameNumbered names numbered siblings and, recursively, their children.
// Siblings of one row share a stem: containers if any of them has numbered
// children, leaves otherwise. prefix is "att_N__" in an attachment.
func nameNumbered(blocks []*Block, parent *Block, prefix string) {
	containers := map[rowKey]bool{}
	for _, b := range blocks {
		if b.Numbered() && hasNumberedChildren(b) {
			containers[rowKey{b.Level, len(b.path)}] = true
		}
	}
	clauses := 1 // an article's own text is its first 款
	for _, b := range blocks {
		if !b.Numbered() {
			// An article's further paragraph (款).
			clauses++
			b.Kind = Para
			name(b, fmt.Sprintf("%s__%s_%d", parent.EID, grammar.ParaStem, clauses))
			setLabel(b, grammar.ClauseLabel(labelOf(parent), clauses))
			nameNumbered(b.Children, b, prefix)
			continue
		}
		l := b.Level
		stem, element := l.LeafStem, l.AKNLeaf
		if containers[rowKey{l, len(b.path)}] {
			stem, element = l.Stem, l.AKN
		}
		itemDepth := 0
		if l.Family == grammar.GBT {
			itemDepth = itemDepthUnder(parent)
		}
		if itemDepth > 0 {
			stem, element = grammar.ItemStem, grammar.ItemAKN
		}
		b.Kind, b.Element = Kind(stem), element
		switch {
		case l.Family == grammar.Decimal:
			name(b, prefix+fmt.Sprintf("%s_%s", stem, grammar.Marker{Path: b.path}.ID()))
		case l.Through:
			name(b, prefix+fmt.Sprintf("%s_%d", stem, b.Num))
		default:
			name(b, join(parent, prefix, fmt.Sprintf("%s_%d", stem, b.Num)))
		}
		marker := grammar.Marker{Level: l, Num: b.Num, Path: b.path, Text: b.Marker}
		if itemDepth > 0 {
			setLabel(b, grammar.ItemLabel(labelOf(parent), marker, itemDepth))
		} else {
			var parentLevel *grammar.Level
			if parent != nil {
				parentLevel = parent.Level
			}
			setLabel(b, grammar.NumberedLabel(labelOf(parent), parentLevel, marker))
		}
		if b.Heading && len(b.Paragraphs) > 1 {
			intro := &Block{Kind: Intro, Element: "intro", Parent: b, Paragraphs: b.Paragraphs[1:]}
			b.Paragraphs = b.Paragraphs[:1]
			b.Children = append([]*Block{intro}, b.Children...)
			name(intro, b.EID+"__intro")
			setLabel(intro, grammar.IntroLabel(labelOf(b), l.Joiner))
		}
		var numbered []*Block
		for _, c := range b.Children {
			if c.Kind != Intro {
				numbered = append(numbered, c)
			}
		}
		nameNumbered(numbered, b, prefix)
	}
}

func hasNumberedChildren(b *Block) bool {
	for _, c := range b.Children {
		if c.Numbered() {
			return true
		}
	}
	return false
}

// itemDepthUnder is how deep a GB/T-numbered block under parent is among
// an article's items: 1 for an item (项) of the article or of one of its
// 款, 2 for an item of an item (目)…; 0 outside articles.
func itemDepthUnder(parent *Block) int {
	depth := 1
	for b := parent; b != nil; b = b.Parent {
		switch {
		case b.rank == grammar.ClauseRank, b.Level != nil && b.Level.Items:
			return depth
		case b.Level == nil || b.Level.Family != grammar.GBT:
			return 0
		}
		depth++
	}
	return 0
}
