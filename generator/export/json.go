package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"

	"statements/generator/cite"
	"statements/generator/load"
	"statements/generator/markdown"
	"statements/generator/structure"
)

// IndexEntry is one document in data/index.json.
type IndexEntry struct {
	Slug    string `json:"slug"`
	Title   string `json:"title"`
	TitleEn string `json:"title_en"`
	Date    string `json:"date"`
	URL     string `json:"url"`
	Data    string `json:"data"`
}

// Index is data/index.json.
type Index struct {
	Documents []IndexEntry `json:"documents"`
	Themes    []Theme      `json:"themes"`
}

// Theme is one theme in data/index.json, with the blocks it tags.
type Theme struct {
	Slug    string     `json:"slug"`
	Title   string     `json:"title"`
	TitleEn string     `json:"title_en"`
	URL     string     `json:"url"`
	Terms   []string   `json:"terms"`
	Blocks  []BlockRef `json:"blocks"`
}

// BlockRef names a block of a document.
type BlockRef struct {
	Document string `json:"document"`
	EID      string `json:"eid"`
	URL      string `json:"url"`
}

// Block is one block in data/<slug>.json.
type Block struct {
	EID     string   `json:"eid"`
	Kind    string   `json:"kind"`   // the id stem: preface, toc, preamble, part, sec, para, subpara, point, book, subdvs, chp, art, intro, conclusions, att
	Parent  string   `json:"parent"` // the eid of the block it stands in; "" at the top
	Num     *int     `json:"num"`
	Marker  string   `json:"marker"` // the number as printed: 二十一、, 第十二条, 2.1; empty when unnumbered
	Label   string   `json:"label"`  // the number as the page shows it: 二、5, 第十二条第二款
	Locator Locator  `json:"locator"`
	Heading bool     `json:"heading"`
	Text    string   `json:"text"`
	Lines   []string `json:"lines,omitempty"` // the role of each paragraph of a preface, closing or attachment heading
	URL     string   `json:"url"`
	Themes  []string `json:"themes"` // slugs of the themes that tag the block
	// Translations are the block's text in other languages: the editors'
	// unofficial translations; the Chinese text is the authoritative one.
	Translations []BlockTranslation `json:"translations,omitempty"`
	// Notes are the editors' notes on the block, in reading order.
	Notes []Note `json:"notes,omitempty"`
}

// Note is an editors' note on a block, or on a phrase of it.
type Note struct {
	ID     string `json:"id"`     // <block id>__note_<n>: its anchor on the document's page
	Number int    `json:"number"` // its number in the document
	URL    string `json:"url"`
	Phrase string `json:"phrase,omitempty"` // the phrase it is on; absent for the whole block
	// Start and End are the phrase's place in the block's text, in
	// characters (Unicode code points); the marker goes at End, the
	// text's end for a note on the whole block.
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"` // markdown, in the language of the documents
	// Translations are its text in other languages, also the editors'.
	Translations []NoteTranslation `json:"translations,omitempty"`
}

// NoteTranslation is a note's text in one language.
type NoteTranslation struct {
	Lang string `json:"lang"`
	Text string `json:"text"` // markdown
}

// BlockTranslation is a block's text in one language.
type BlockTranslation struct {
	Lang   string `json:"lang"`
	Status string `json:"status"`          // TranslationStatus
	Stale  bool   `json:"stale,omitempty"` // the Chinese has changed since it was translated
	Text   string `json:"text"`            // its paragraphs, one per line, as Block.Text
}

// TranslationStatus is what the data says of every translation: that it
// is the editors', unofficial, and that the Chinese is authoritative.
const TranslationStatus = "unofficial translation by the editors; the Chinese text is authoritative"

// DocumentTranslation names a document's translation into one language.
type DocumentTranslation struct {
	Lang   string `json:"lang"`
	Title  string `json:"title"`
	Status string `json:"status"` // TranslationStatus
}

// Locator is how a citation points at a block (package grammar, Locators).
type Locator struct {
	Zh string `json:"zh"` // 第一部分第5项
	En string `json:"en"` // Part I, item 5
}

// Document is data/<slug>.json.
type Document struct {
	Slug       string     `json:"slug"`
	Title      string     `json:"title"`
	TitleEn    string     `json:"title_en"`
	Date       string     `json:"date"`
	URL        string     `json:"url"`
	Provenance Provenance `json:"provenance"`
	Citations  Citations  `json:"citations"`
	// Language is the language of the text (a BCP 47 tag: zh-Hans);
	// Translations name its translations, which each block carries.
	Language     string                `json:"language"`
	Translations []DocumentTranslation `json:"translations,omitempty"`
	Blocks       []Block               `json:"blocks"`
}

// Provenance says where a document's text comes from, how it was
// transcribed and checked, what to compare it with, and its corrections.
type Provenance struct {
	Source          string            `json:"source"`
	SourceEn        string            `json:"source_en"`
	Transcription   string            `json:"transcription"`
	TranscriptionEn string            `json:"transcription_en"`
	Compare         []load.Reference  `json:"compare"`
	Corrections     []load.Correction `json:"corrections"`
}

// Citations are the URLs of the document's citation files: its entry and
// every block's, for reference managers.
type Citations struct {
	BibTeX string `json:"bibtex"`
	RIS    string `json:"ris"`
	CSL    string `json:"csl_json"`
}

// DataPath is the site path of a document's JSON.
func DataPath(d *structure.Document) string { return "/data/" + d.Slug + ".json" }

// IndexPath is the site path of data/index.json.
const IndexPath = "/data/index.json"

// DocumentJSON gives data/<slug>.json.
// It reads nothing but c.
func DocumentJSON(c *markdown.DocContext) ([]byte, error) {
	d, base := c.Doc, c.Base
	doc := Document{Slug: d.Slug, Title: d.Title, TitleEn: d.TitleEn, Date: d.Date, URL: base.Abs(markdown.DocumentPath(d)),
		Provenance: Provenance{Source: d.Source, SourceEn: d.SourceEn, Transcription: d.Transcription, TranscriptionEn: d.TranscriptionEn,
			Compare: append([]load.Reference{}, d.Compare...), Corrections: append([]load.Correction{}, d.Corrections...)},
		Citations: Citations{BibTeX: base.Abs(cite.Path(d, ".bib")), RIS: base.Abs(cite.Path(d, ".ris")), CSL: base.Abs(cite.Path(d, ".csl.json"))},
		Language:  c.Words.Lang}
	for _, t := range c.Translations {
		doc.Translations = append(doc.Translations, DocumentTranslation{Lang: t.Lang, Title: t.Title, Status: TranslationStatus})
	}
	for _, b := range d.Blocks {
		var num *int
		if b.Num > 0 {
			n := b.Num
			num = &n
		}
		themes := []string{}
		for _, t := range c.ThemesOf(b) {
			themes = append(themes, t.Slug)
		}
		parent := ""
		if b.Parent != nil {
			parent = b.Parent.EID
		}
		var lines []string
		for _, p := range b.Paragraphs {
			if p.Role != "" {
				lines = make([]string, len(b.Paragraphs))
				for i, p := range b.Paragraphs {
					lines[i] = p.Role
				}
				break
			}
		}
		var translations []BlockTranslation
		for _, t := range c.Translations {
			if paras := t.Blocks[b.Index]; paras != nil {
				translations = append(translations, BlockTranslation{Lang: t.Lang, Status: TranslationStatus, Stale: t.Stale[b.Index], Text: strings.Join(paras, "\n")})
			}
		}
		var notes []Note
		for _, n := range c.NotesOf(b) {
			note := Note{ID: n.ID, Number: n.Number, URL: base.Abs(markdown.DocumentPath(d) + "#" + n.ID), Phrase: n.Phrase,
				Start: charOffset(b, n.Paragraph, n.Start), End: charOffset(b, n.Paragraph, n.End), Text: n.Texts[0].Body}
			for _, t := range n.Texts[1:] {
				note.Translations = append(note.Translations, NoteTranslation{Lang: t.Lang, Text: t.Body})
			}
			notes = append(notes, note)
		}
		doc.Blocks = append(doc.Blocks, Block{EID: b.EID, Kind: string(b.Kind), Parent: parent, Num: num, Marker: b.Marker, Label: b.Label,
			Locator: Locator{b.Locator.Zh, b.Locator.En}, Heading: b.Heading, Text: b.Text(), Lines: lines, URL: base.Abs(markdown.InContext(d, b)), Themes: themes,
			Translations: translations, Notes: notes})
	}
	return encode(doc)
}

// charOffset is the place, in characters of the block's text (its
// paragraphs joined by newlines), of a byte offset in paragraph para.
func charOffset(b *structure.Block, para, offset int) int {
	n := 0
	for _, p := range b.Paragraphs[:para] {
		n += utf8.RuneCountInString(p.Text) + 1
	}
	return n + utf8.RuneCountInString(b.Paragraphs[para].Text[:offset])
}

// encodeCompact is JSON without indentation, for files only programs read.
func encodeCompact(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// encode is indented JSON that keeps <, > and & as they are.
func encode(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
