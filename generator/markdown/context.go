package markdown

import (
	"maps"
	"slices"

	"statements/generator/align"
	"statements/generator/annotate"
	"statements/generator/i18n"
	"statements/generator/siteurl"
	"statements/generator/structure"
)

// DocContext is everything a document's pages are written from: the
// document, and what they show of the rest of the site. DocumentPages reads
// nothing else, so a digest of a DocContext (package digest) is a key for
// the document's pages: the build reuses them while it is unchanged. It
// therefore holds what the pages show of other documents and themes
// (names, paths, a few block numbers) and no pointer into them, so that an
// edit of another document changes it only when it changes what is shown.
type DocContext struct {
	Base     siteurl.Base
	Words    *i18n.Strings
	TextLang string // the language of the document's text (site.yaml's)
	Doc      *structure.Document
	// Notes are the themes that tag the document or whose terms occur in
	// it; per block, by Block.Index, the themes that tag it (as indexes
	// into Notes), and where their terms occur in it, in reading order.
	// (Indexes, not pointers: a build digests every document's context,
	// and a pointer costs that digest many times what an int does.)
	Notes   []*ThemeNote
	Themes  ByBlock[int]
	Matches ByBlock[Match]
	Parties []Party // the document's parties that have pages
	// Translations are the document's translations, by language tag.
	Translations []*align.Text
	// EdNotes are the editors' notes on the document, in reading order;
	// Refs, per block (by Block.Index; nil when none has any), the
	// titles in it that name other documents of the site.
	EdNotes []EdNote
	Refs    [][]Ref
}

// ThemeNote is what a document's notes show of a theme: its name, how
// many documents it occurs in, and the first few of them with its blocks
// there (a note names at most maxNoteDocuments other documents, the first
// in site order: the first maxNoteDocuments+1 documents of the theme hold
// them, whichever document the note is in).
type ThemeNote struct {
	Slug, Title string
	Docs        int       // how many documents it occurs in, counted up to maxNoteDocuments+2: all a note tells from it
	First       []DocRefs // its first documents in site order
}

// DocRefs is one document a theme occurs in, with the blocks it tags there.
type DocRefs struct {
	Slug, Short string
	Position    int    // the document's place in the site's order
	Passages    string // the link to its passages on the theme's pages
	Blocks      []BlockRef
}

// BlockRef names a block of another document.
type BlockRef struct{ EID, Label string }

// Match is one occurrence of a theme's term in a block.
type Match struct {
	Theme      int // index into DocContext.Notes
	Paragraph  int // index into Block.Paragraphs
	Start, End int // byte offsets in that paragraph's text
}

// Contexts gives every document its DocContext, in the site's order.
func (s *Site) Contexts() []*DocContext {
	notes := map[*annotate.Theme]*ThemeNote{}
	for _, t := range s.Notes.Themes {
		title, _ := s.named(t.Title, t.TitleEn)
		n := &ThemeNote{Slug: t.Slug, Title: title, Docs: min(len(t.Docs), maxNoteDocuments+2)}
		for _, d := range t.Docs[:min(len(t.Docs), maxNoteDocuments+1)] {
			r := DocRefs{Slug: d.Slug, Short: s.docShort(d), Position: s.Notes.Position(d), Passages: ThemeIn(t, d)}
			for _, ref := range t.In(d) {
				r.Blocks = append(r.Blocks, BlockRef{EID: ref.Block.EID, Label: blockLabel(s.inEdition(), ref.Block)})
			}
			n.First = append(n.First, r)
		}
		notes[t] = n
	}
	a := s.archive()
	contexts := make([]*DocContext, len(s.Documents))
	for i, d := range s.Documents {
		c := &DocContext{Base: s.Base, Words: s.Words, TextLang: s.Meta.Language, Doc: d}
		index := map[*annotate.Theme]int{}
		note := func(t *annotate.Theme) int {
			i, ok := index[t]
			if !ok {
				i = len(c.Notes)
				index[t] = i
				c.Notes = append(c.Notes, notes[t])
			}
			return i
		}
		for _, b := range d.Blocks {
			for _, t := range s.Notes.ThemesOf(b) {
				c.Themes.add(note(t))
			}
			c.Themes.end()
			for _, m := range s.Notes.Matches(b) {
				c.Matches.add(Match{Theme: note(m.Theme), Paragraph: m.Paragraph, Start: m.Start, End: m.End})
			}
			c.Matches.end()
		}
		for _, p := range a.partyOf[d] {
			c.Parties = append(c.Parties, p.Party)
		}
		for _, lang := range slices.Sorted(maps.Keys(s.Translations[d.Slug])) {
			c.Translations = append(c.Translations, s.Translations[d.Slug][lang])
		}
		c.EdNotes = edNotes(s.EdNotes[d.Slug])
		c.Refs = refs(s.Refs[d.Slug])
		contexts[i] = c
	}
	return contexts
}

// ThemesOf gives the themes that tag a block of the document.
func (c *DocContext) ThemesOf(b *structure.Block) []*ThemeNote {
	of := c.Themes.Of(b.Index)
	themes := make([]*ThemeNote, len(of))
	for i, n := range of {
		themes[i] = c.Notes[n]
	}
	return themes
}

// in lists the blocks a theme tags in the document slug, if the note knows them.
func (t *ThemeNote) in(slug string) []BlockRef {
	i := slices.IndexFunc(t.First, func(r DocRefs) bool { return r.Slug == slug })
	if i < 0 {
		return nil
	}
	return t.First[i].Blocks
}

// passages is the link to a theme's passages in the document slug.
func (t *ThemeNote) passages(slug string) string {
	i := slices.IndexFunc(t.First, func(r DocRefs) bool { return r.Slug == slug })
	return t.First[i].Passages
}
