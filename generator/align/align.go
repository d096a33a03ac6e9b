// Package align pairs each document's translations with its blocks.
//
// It takes the structured documents (package structure) and the
// translations as loaded (package load: content/translations/<language>/
// <slug>.md), and gives, per document and language, the translation of
// each block, by the block's place in the document. A translation is
// aligned to its document by the blocks' ids: every block of the
// document has its translation, in the document's order, with as many
// paragraphs as it has; a block missing, extra or out of order is an
// error at the file and line where it shows ("content/translations/en/
// x.md:12: {#para_4}: …"). Each translated block carries the hash of the
// Chinese text it was made from (zh=, SourceHash); a block whose Chinese
// has changed since is stale: it is still published, marked so, and
// reported as a warning, so that a correction of the Chinese text cannot
// silently leave its translation behind. A block whose Chinese has gained
// or lost a paragraph is reported too, and shown untranslated.
package align

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"statements/generator/internal/digest"
	"statements/generator/load"
	"statements/generator/structure"
)

// Text is a document in one language other than its own.
type Text struct {
	Lang         string
	Title, Short string
	File         string // the translation's file, as named in messages
	// Blocks are, by Block.Index, each block's paragraphs in the language;
	// Stale, by Block.Index, whether its Chinese has changed since.
	Blocks [][]string
	Stale  []bool
	// passages are Blocks again, each known to package digest by what it
	// holds (Passage), made once the Text is aligned.
	passages []*Passage
}

// Passage is one block's paragraphs in a translation, as a page that shows
// blocks of many documents (a theme's) quotes them. Like structure.Excerpt
// it is made once, with the Text, and known to package digest by the
// digest of its paragraphs: the Text is kept from build to build while its
// files are unchanged, so a theme page's key costs a pointer per passage,
// not its text.
type Passage struct {
	Texts []string
	id    digest.Digest
}

// DigestIdentity is the digest of the passage's paragraphs.
func (p *Passage) DigestIdentity() digest.Digest { return p.id }

func newPassage(texts []string) *Passage {
	p := &Passage{Texts: texts}
	p.id = digest.Of(*p)
	return p
}

// Passage gives block i's paragraphs as a Passage; nil where the block
// has no translation.
func (t *Text) Passage(i int) *Passage {
	if t.passages == nil { // a Text made otherwise than by One
		if t.Blocks[i] == nil {
			return nil
		}
		return newPassage(t.Blocks[i])
	}
	return t.passages[i]
}

// Set is every document's translations: by document slug, then language.
type Set map[string]map[string]*Text

// Of is the translation of a document into lang, or nil.
func (s Set) Of(slug, lang string) *Text { return s[slug][lang] }

// SourceHash is the hash a translated block carries of the Chinese text it
// translates: the first 8 hex digits of the SHA-256 of its paragraphs,
// one per line.
func SourceHash(b *structure.Block) string {
	texts := make([]string, len(b.Paragraphs))
	for i, p := range b.Paragraphs {
		texts[i] = p.Text
	}
	sum := sha256.Sum256([]byte(strings.Join(texts, "\n")))
	return hex.EncodeToString(sum[:4])
}

// Align checks every translation against its document. It gives the
// aligned texts, and as warnings the blocks whose Chinese has changed
// since they were translated; any other mismatch is an error.
func Align(docs []*structure.Document, translations []*load.Translation) (Set, []error, error) {
	return AlignWith(docs, translations, One)
}

// AlignWith is Align with one pair aligned by one: One, or a caller's
// function that keeps the Texts One gave for pairs it has met before.
func AlignWith(docs []*structure.Document, translations []*load.Translation, one func(*structure.Document, *load.Translation) (*Text, []error, error)) (Set, []error, error) {
	bySlug := map[string]*structure.Document{}
	for _, d := range docs {
		bySlug[d.Slug] = d
	}
	set := Set{}
	var errs, warnings []error
	for _, t := range translations {
		d := bySlug[t.Slug]
		if d == nil {
			continue // load reported it
		}
		text, w, err := one(d, t)
		warnings = append(warnings, w...)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if set[t.Slug] == nil {
			set[t.Slug] = map[string]*Text{}
		}
		set[t.Slug][t.Lang] = text
	}
	return set, warnings, errors.Join(errs...)
}

// One aligns one translation with its document: the Text, the warnings
// of its stale blocks, and an error for any other mismatch.
func One(d *structure.Document, t *load.Translation) (*Text, []error, error) {
	text := &Text{Lang: t.Lang, Title: t.Title, Short: t.Short, File: t.File,
		Blocks: make([][]string, len(d.Blocks)), Stale: make([]bool, len(d.Blocks))}
	var errs, warnings []error
	fail := func(line int, format string, args ...any) {
		errs = append(errs, &load.Error{File: t.File, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	index := map[string]*structure.Block{}
	for _, b := range d.Blocks {
		index[b.EID] = b
	}
	next := 0 // the document's next block, by Index, that the translation must give
	for _, tb := range t.Blocks {
		b := index[tb.EID]
		if b == nil {
			fail(tb.Line, "{#%s}: %s has no block %s", tb.EID, d.Slug, tb.EID)
			continue
		}
		if b.Index < next {
			fail(tb.Line, "{#%s} comes after {#%s} here but before it in the document: give the blocks in the document's order", tb.EID, d.Blocks[next-1].EID)
			continue
		}
		for _, missing := range untranslated(d.Blocks[next:b.Index]) {
			fail(tb.Line, "{#%s} (%s) is missing before {#%s}: every block has its translation", missing.EID, missing.Label, tb.EID)
		}
		next = b.Index + 1
		if len(tb.Paragraphs) != len(b.Paragraphs) {
			// The Chinese has gained or lost a paragraph since: the block
			// is shown untranslated until the translation follows.
			warnings = append(warnings, &load.Error{File: t.File, Line: tb.Line, Msg: fmt.Sprintf(
				"{#%s} has %d paragraphs here and %d in the Chinese: translate it paragraph for paragraph (until then the page shows the Chinese)", tb.EID, len(tb.Paragraphs), len(b.Paragraphs))})
			continue
		}
		want := SourceHash(b)
		switch tb.Hash {
		case "":
			fail(tb.Line, "{#%s} does not say which Chinese text it translates: once it is checked against the Chinese, write {#%s zh=%s}", tb.EID, tb.EID, want)
		case want:
		default:
			text.Stale[b.Index] = true
			warnings = append(warnings, &load.Error{File: t.File, Line: tb.Line, Msg: fmt.Sprintf(
				"{#%s}: the Chinese has changed since this was translated (zh=%s, now %s): check the translation against it, then write zh=%s", tb.EID, tb.Hash, want, want)})
		}
		for _, p := range tb.Paragraphs {
			text.Blocks[b.Index] = append(text.Blocks[b.Index], p.Text)
		}
	}
	if len(untranslated(d.Blocks[next:])) > 0 {
		last := 0
		if n := len(t.Blocks); n > 0 {
			last = t.Blocks[n-1].Line
		}
		for _, missing := range untranslated(d.Blocks[next:]) {
			fail(last, "{#%s} (%s) is missing at the end: every block has its translation", missing.EID, missing.Label)
		}
	}
	text.passages = make([]*Passage, len(text.Blocks))
	for i, paras := range text.Blocks {
		if paras != nil {
			text.passages[i] = newPassage(paras)
		}
	}
	return text, warnings, errors.Join(errs...)
}

// untranslated are the blocks among bs that have text of their own, and
// so need a translation (a container without paragraphs has none).
func untranslated(bs []*structure.Block) []*structure.Block {
	var need []*structure.Block
	for _, b := range bs {
		if len(b.Paragraphs) > 0 {
			need = append(need, b)
		}
	}
	return need
}
