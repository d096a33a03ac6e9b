package search

import (
	"statements/generator/grammar"
	"statements/generator/markdown"
	"statements/generator/siteurl"
	"statements/generator/structure"
)

// FromDocument is what the index holds of a structured document, served under base.
func FromDocument(base siteurl.Base, d *structure.Document) Document {
	out := Document{Slug: d.Slug, URL: base.Path(markdown.DocumentPath(d)), Short: d.Short, Title: d.Title, TitleEn: d.TitleEn}
	for _, b := range d.Blocks {
		out.Blocks = append(out.Blocks, Block{EID: b.EID, Label: b.Label, Text: b.Text(), Numbers: numbers(b)})
	}
	return out
}

// numbers are the forms of a block's number that a reader may type.
func numbers(b *structure.Block) []string {
	forms := []string{b.Label, b.LabelEn, b.EID, b.Marker}
	parent := 0
	if p := b.Parent; p != nil && p.Parent == nil && p.Heading && p.Level != nil && p.Level.Family == grammar.GBT {
		parent = p.Num
	}
	if b.Parent == nil || parent > 0 {
		if l, ok := grammar.GBTLocator(b.Level, b.Num, b.Heading, parent); ok {
			forms = append(forms, l.Zh, l.En)
		}
	}
	return forms
}
