package search

import (
	"cmp"
	"strings"

	"statements/generator/align"
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

// FromTranslation is what the index of an edition in another language
// holds of a document: its names in that language first (short is its
// short title there), and each block's translation, or its text where it
// has none; labels as that language writes them.
func FromTranslation(base siteurl.Base, d *structure.Document, t *align.Text, short string) Document {
	out := FromDocument(base, d)
	out.Short, out.Title, out.TitleEn = short, cmp.Or(d.TitleEn, d.Title), d.Title
	if t != nil {
		out.Title = t.Title
	}
	for i, b := range d.Blocks {
		if b.LabelEn != "" {
			out.Blocks[i].Label = b.LabelEn
		}
		if t != nil && t.Blocks[i] != nil {
			out.Blocks[i].Text = strings.Join(t.Blocks[i], "\n")
		}
	}
	return out
}
