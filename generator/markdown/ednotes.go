package markdown

import (
	"fmt"
	"slices"
	"strings"

	"statements/generator/editorial"
	"statements/generator/load"
	"statements/generator/structure"
)

// EdNote is an editors' note as a document's pages show it: a footnote
// whose marker ends its phrase (or its block's last paragraph), and
// whose definition ends the page. (Indexes, not pointers to blocks: see
// DocContext.) Its phrase and its texts, in every language, the
// documents' first, are the loaded note's: a pointer to a value that
// stays the same while its file does, which a build can identify
// (digest.Hasher.Identify) rather than digest its text in every context.
type EdNote struct {
	ID               string // <block id>__note_<n>, the anchor of its text on the page
	Number           int    // its number in the document: the footnote's label
	Block, Paragraph int    // Block.Index, index into Block.Paragraphs
	Start, End       int    // its phrase's byte offsets in the paragraph; both at its end for a note on the block
	*load.Note              // Phrase, Texts
}

// Ref is a title in a block that names another document: a link to it.
type Ref struct {
	Paragraph  int
	Start, End int // the title's byte offsets, inside its 《》
	Path       string
}

// edNotes gives a document's notes as its context holds them.
func edNotes(notes []*editorial.Note) []EdNote {
	out := make([]EdNote, len(notes))
	for i, n := range notes {
		out[i] = EdNote{ID: n.ID, Number: n.Number, Block: n.Block.Index, Paragraph: n.Paragraph,
			Start: n.Start, End: n.End, Note: n.Note}
	}
	return out
}

// refs gives a document's references as its context holds them.
func refs(found [][]editorial.Reference) [][]Ref {
	if found == nil {
		return nil
	}
	out := make([][]Ref, len(found))
	for i, rs := range found {
		for _, r := range rs {
			out[i] = append(out[i], Ref{Paragraph: r.Paragraph, Start: r.Start, End: r.End, Path: "/" + r.Slug + "/"})
		}
	}
	return out
}

// notesIn gives the document's notes on the given blocks, in reading order.
func (c *DocContext) notesIn(blocks ...*structure.Block) []EdNote {
	var out []EdNote
	for _, n := range c.EdNotes {
		if slices.ContainsFunc(blocks, func(b *structure.Block) bool { return b.Index == n.Block }) {
			out = append(out, n)
		}
	}
	return out
}

// NotesOf gives a block's notes, in reading order.
func (c *DocContext) NotesOf(b *structure.Block) []EdNote { return c.notesIn(b) }

// Text is the note's markdown in the language lang ("" for the
// documents'), and whether it has one in lang: without, the documents'.
func (n EdNote) Text(lang string) (body string, ok bool) {
	for _, t := range n.Texts {
		if t.Lang == lang {
			return t.Body, true
		}
	}
	return n.Texts[0].Body, false
}

// noteText is the note's markdown on the context's pages, and the
// language it is in when that is not the pages'.
func (c *DocContext) noteText(n EdNote) (body, lang string) {
	if !c.inEdition() {
		return n.Texts[0].Body, ""
	}
	body, ok := n.Text(c.Words.Lang)
	if !ok {
		lang = c.TextLang
	}
	return body, lang
}

// markers are the footnote references of a block's notes on its paragraph
// para, for a paragraph whose phrases are not marked one by one.
func (c *DocContext) markers(blk *structure.Block, para int) string {
	var b strings.Builder
	for _, n := range c.notesIn(blk) {
		if n.Paragraph == para {
			b.WriteString(marker(n))
		}
	}
	return b.String()
}

// marker is a note's footnote reference.
func marker(n EdNote) string { return fmt.Sprintf("[^%d]", n.Number) }

// writeNoteDefinitions ends a page with the footnotes of the notes it
// marks: each note's markdown, its lines after the first indented, every
// paragraph marked with its language where it is not the page's.
func (c *DocContext) writeNoteDefinitions(b *strings.Builder, notes []EdNote) {
	for _, n := range notes {
		body, lang := c.noteText(n)
		fmt.Fprintf(b, "%s: ", marker(n))
		paras := strings.Split(body, "\n\n")
		for i, p := range paras {
			if i > 0 {
				b.WriteString("\n\n    ")
			}
			if lang != "" {
				p += " {lang=" + attrValue(lang) + "}"
			}
			b.WriteString(strings.ReplaceAll(p, "\n", "\n    "))
		}
		b.WriteString("\n\n")
	}
}
