package search

import (
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

// numbers are the forms of a block's number that a reader may type: its
// label, id and marker, and its locators (第一部分第5项, Part I, item 5).
func numbers(b *structure.Block) []string {
	return []string{b.Label, b.LabelEn, b.EID, b.Marker, b.Locator.Zh, b.Locator.En}
}
