package markdown

import (
	"cmp"

	"statements/generator/align"
	"statements/generator/structure"
)

// An edition of the site in another language than its documents' (its
// Words' language is not Meta.Language) names documents, blocks, themes
// and parties in that language, and shows each document's translation
// beside its text: these are the names the page writers use.

// inEdition tells the pages of an edition in another language.
func (s *Site) inEdition() bool { return s.Words.Lang != s.Meta.Language }

// docTitle is a document's title in the pages' language, and other its
// title in the other language, for the line under it.
func (s *Site) docTitle(d *structure.Document) (title, other string) {
	return docTitle(s.inEdition(), d, s.Translations.Of(d.Slug, s.Words.Lang))
}

// docShort is a document's short title in the pages' language.
func (s *Site) docShort(d *structure.Document) string {
	return docShort(s.inEdition(), d, s.Translations.Of(d.Slug, s.Words.Lang))
}

// named picks the name in the pages' language of something named in
// both, and gives the other name.
func (s *Site) named(zh, en string) (name, other string) { return named(s.inEdition(), zh, en) }

func docTitle(edition bool, d *structure.Document, t *align.Text) (title, other string) {
	switch {
	case !edition:
		return d.Title, d.TitleEn
	case t != nil:
		return t.Title, d.Title
	}
	return cmp.Or(d.TitleEn, d.Title), d.Title
}

func docShort(edition bool, d *structure.Document, t *align.Text) string {
	switch {
	case !edition:
		return d.Short
	case t != nil && t.Short != t.Title:
		return t.Short
	}
	return d.ShortEn
}

func named(edition bool, zh, en string) (name, other string) {
	if !edition || en == "" {
		return zh, en
	}
	return en, zh
}

// blockLabel is how the pages name a block: 二、5, or in an edition II.5.
func blockLabel(edition bool, b *structure.Block) string {
	if edition && b.LabelEn != "" {
		return b.LabelEn
	}
	return b.Label
}

// inEdition tells the pages of an edition in another language.
func (c *DocContext) inEdition() bool { return c.Words.Lang != c.TextLang }

// translation is the document in the pages' language, on an edition's
// pages: nil on the site's own, and where the document has no translation.
func (c *DocContext) translation() *align.Text {
	for _, t := range c.Translations {
		if t.Lang == c.Words.Lang {
			return t
		}
	}
	return nil
}

func (c *DocContext) label(b *structure.Block) string { return blockLabel(c.inEdition(), b) }

func (c *DocContext) short() string { return docShort(c.inEdition(), c.Doc, c.translation()) }

// ShortTitle is the document's short title in the pages' language.
func (c *DocContext) ShortTitle() string { return c.short() }

// Translation is the document in the pages' language, on an edition's
// pages in another language; nil on the site's own, and where the
// document has no translation into it.
func (c *DocContext) Translation() *align.Text { return c.translation() }
