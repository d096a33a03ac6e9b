package editorial

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"statements/generator/load"
	"statements/generator/structure"
)

// Note is an editors' note placed in its document.
type Note struct {
	ID     string // <block id>__note_<n>
	Number int    // its number in the document, in reading order, from 1
	Block  *structure.Block
	// Paragraph is the index in Block.Paragraphs of the paragraph its
	// marker ends; Start and End are the byte offsets of its phrase
	// there, both at the paragraph's end for a note on the whole block.
	Paragraph  int
	Start, End int
	File       string // its notes file
	// the note as its file gives it: its line, its phrase ("" for a note
	// on the whole block) and its texts, the documents' language first
	*load.Note
}

// Notes resolves every document's notes. It gives them by document slug,
// in reading order, or every error found, each at its note's line.
func Notes(docs []*structure.Document, files []*load.NoteFile) (map[string][]*Note, error) {
	return NotesWith(docs, files, Place)
}

// NotesWith is Notes with each file's notes placed in its document by
// place: Place, or one that remembers what Place gave for the same two
// values (a process that builds again and again).
func NotesWith(docs []*structure.Document, files []*load.NoteFile, place func(*structure.Document, *load.NoteFile) ([]*Note, error)) (map[string][]*Note, error) {
	bySlug := map[string]*structure.Document{}
	for _, d := range docs {
		bySlug[d.Slug] = d
	}
	var errs []error
	all := map[string][]*Note{}
	for _, f := range files {
		d := bySlug[f.Slug]
		if d == nil {
			continue // load reports it
		}
		notes, err := place(d, f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if len(notes) > 0 {
			all[d.Slug] = notes
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return all, nil
}

// Place resolves the notes of one file in its document d: numbered in
// reading order, or every error found. It is a function of d and f alone.
func Place(d *structure.Document, f *load.NoteFile) ([]*Note, error) {
	var errs []error
	var notes []*Note
	for i := range f.Notes {
		placed, err := place(d, f.File, &f.Notes[i])
		if err != nil {
			errs = append(errs, err)
			continue
		}
		notes = append(notes, placed)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return number(notes), nil
}

// place finds where a note goes in d.
func place(d *structure.Document, file string, n *load.Note) (*Note, error) {
	fail := func(format string, args ...any) error {
		return &load.Error{File: file, Line: n.Line, Msg: fmt.Sprintf(format, args...)}
	}
	blk, only := find(d, n.EID)
	if blk == nil {
		return nil, fail("%s has no block {#%s}: a note names a block by the id its page gives it (the part after # in its link)", d.File, n.EID)
	}
	p := &Note{Block: blk, File: file, Note: n}
	if n.Phrase == "" {
		if only < 0 {
			only = len(blk.Paragraphs) - 1
		}
		p.Paragraph = only
		p.Start = len(blk.Paragraphs[only].Text)
		p.End = p.Start
		return p, nil
	}
	var at []int // paragraph, offset of each occurrence
	for i, para := range blk.Paragraphs {
		if only >= 0 && i != only {
			continue
		}
		for off := 0; ; {
			j := strings.Index(para.Text[off:], n.Phrase)
			if j < 0 {
				break
			}
			at = append(at, i, off+j)
			off += j + len(n.Phrase)
		}
	}
	where := fmt.Sprintf("{#%s} (%s)", n.EID, label(blk))
	switch len(at) / 2 {
	case 0:
		return nil, fail("%q does not occur in %s: quote the phrase exactly as the text has it now (was the text corrected?), or remove the note", n.Phrase, where)
	case 1:
		p.Paragraph, p.Start = at[0], at[1]
		p.End = p.Start + len(n.Phrase)
		return p, nil
	default:
		return nil, fail("%q occurs %d times in %s: quote more of the text around it, so that the phrase names one place", n.Phrase, len(at)/2, where)
	}
}

// find gives the block of id eid, or the block whose paragraph has that
// id together with the paragraph's index (-1 for the block's own id).
func find(d *structure.Document, eid string) (*structure.Block, int) {
	if b := d.Block(eid); b != nil {
		return b, -1
	}
	for _, b := range d.Blocks {
		for i, p := range b.Paragraphs {
			if p.ID == eid {
				return b, i
			}
		}
	}
	return nil, -1
}

func label(b *structure.Block) string {
	if b.Label != "" {
		return b.Label
	}
	return b.Locator.Zh
}

// number sorts a document's notes in reading order (block, paragraph,
// marker place; a block's notes on the same place in file order) and
// gives them their numbers and ids.
func number(notes []*Note) []*Note {
	sort.SliceStable(notes, func(i, j int) bool {
		a, b := notes[i], notes[j]
		if a.Block.Index != b.Block.Index {
			return a.Block.Index < b.Block.Index
		}
		if a.Paragraph != b.Paragraph {
			return a.Paragraph < b.Paragraph
		}
		return a.End < b.End
	})
	inBlock := 0
	for i, n := range notes {
		if i == 0 || notes[i-1].Block != n.Block {
			inBlock = 0
		}
		inBlock++
		n.Number = i + 1
		n.ID = fmt.Sprintf("%s__note_%d", n.Block.EID, inBlock)
	}
	return notes
}
