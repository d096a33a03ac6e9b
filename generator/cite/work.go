package cite

import (
	"fmt"
	"strings"
	"time"

	"statements/generator/grammar"
	"statements/generator/markdown"
	"statements/generator/siteurl"
	"statements/generator/structure"
)

// Work is what a citation cites: a document, or one block or paragraph of it.
type Work struct {
	Doc     *structure.Document
	Locator grammar.Label // zero for the whole document
	URL     string        // absolute when the site's address is known
	Key     string        // the reference managers' key: <slug> or <slug>:<eid>
}

// Document is the whole document as a Work.
func Document(base siteurl.Base, d *structure.Document) Work {
	return Work{Doc: d, URL: base.Abs(markdown.DocumentPath(d)), Key: d.Slug}
}

// Block is one block as a Work, cited by its own page.
func Block(base siteurl.Base, d *structure.Document, b *structure.Block) Work {
	return Work{Doc: d, Locator: b.Locator, URL: base.Abs(markdown.BlockPath(d, b)), Key: d.Slug + ":" + b.EID}
}

// Placeholders of a Template.
const (
	LocatorSlot  = "{locator}"
	URLSlot      = "{url}"
	AccessedSlot = "{accessed}"
)

// Template is the English and Chinese citations of any block of d, with
// the placeholders LocatorSlot, URLSlot and AccessedSlot.
func Template(d *structure.Document) (en, zh string) {
	w := Work{Doc: d, Locator: grammar.Label{Zh: LocatorSlot, En: LocatorSlot}, URL: URLSlot}
	return English(w, AccessedSlot), Chinese(w, AccessedSlot)
}

// date is the document's date as a time.
func (w Work) date() (time.Time, bool) {
	t, err := time.Parse("2006-01-02", w.Doc.Date)
	return t, err == nil
}

// EnglishDate writes a date as "4 September 2025".
func EnglishDate(t time.Time) string { return t.Format("2 January 2006") }

// ChineseDate writes a date as GB/T 7714 does: 2025-09-04.
func ChineseDate(t time.Time) string { return t.Format("2006-01-02") }

// titleWithLocator is the Chinese title, and the locator after a full-width
// colon for a block: …联合声明：第四条.
func (w Work) titleWithLocator() string {
	if w.Locator.Zh == "" {
		return w.Doc.Title
	}
	return w.Doc.Title + "：" + w.Locator.Zh
}

// partiesEn are the parties in English, or in Chinese where the document
// gives no English names.
func (w Work) partiesEn() []string {
	if len(w.Doc.PartiesEn) == len(w.Doc.Parties) && len(w.Doc.PartiesEn) > 0 {
		return w.Doc.PartiesEn
	}
	return w.Doc.Parties
}

// joinEnglish joins names as English prose does: A, B and C.
func joinEnglish(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// noteEn is what reference managers get in their note field: the language,
// the English title and the locator in English.
func (w Work) noteEn() string {
	parts := []string{"In Chinese"}
	if w.Doc.TitleEn != "" {
		parts = append(parts, fmt.Sprintf("English title: %s", w.Doc.TitleEn))
	}
	if w.Locator.En != "" {
		parts = append(parts, w.Locator.En)
	}
	return strings.Join(parts, "; ")
}

// Path is the site path of a document's citation file of the given
// extension (Formats), beside its JSON in data/.
func Path(d *structure.Document, ext string) string { return "/data/" + d.Slug + ext }

// Works are the document and each of its blocks, as its citation files
// list them.
func Works(base siteurl.Base, d *structure.Document) []Work {
	ws := []Work{Document(base, d)}
	for _, b := range d.Blocks {
		ws = append(ws, Block(base, d, b))
	}
	return ws
}
