package load

import (
	"regexp"
	"strings"
)

// NoteFile is the editors' notes on one document: content/notes/<slug>.md,
// where slug is the document's. Its front matter may be empty. Its body is
// the notes, each opened by a line that names what it annotates: a block,
// by its id, or a phrase inside the block, by the phrase exactly as the
// text has it, in double quotes:
//
//	{#preamble__p_3 "建交65年"}
//
//	中古两国于1960年9月28日建交，古巴是第一个同新中国建交的拉美国家。
//
//	{en}
//
//	China and Cuba established diplomatic relations on 28 September 1960 …
//
//	{#part_2__para_5}
//
//	…
//
// The note's text follows, in markdown, in the language of the documents;
// a line {<language>} (a BCP 47 tag: en) opens its text in that language.
// A note with a phrase is marked at the end of the phrase, one without at
// the end of the block. The sources of what a note says are links in its
// text. Whether the ids and phrases exist is for the stage that has the
// documents' blocks to tell (package editorial).
type NoteFile struct {
	File  string
	Slug  string // the document's
	Notes []Note
}

// Note is one note of a NoteFile.
type Note struct {
	EID    string // the id of the block it annotates
	Phrase string // the phrase it annotates; "" for the whole block
	Line   int    // the line of its {#…} line
	// Texts are its text in each language, the documents' first.
	Texts []NoteText
}

// NoteText is a note's text in one language.
type NoteText struct {
	Lang  string // "" for the documents' language
	Body  string // markdown
	Line  int    // the line its body starts on
	Links []Link // its links to paths of this site
}

// NotesDir is the notes' folder in the content tree.
const NotesDir = "notes"

var (
	// noteLine is the line that opens a note: {#id} or {#id "phrase"}.
	noteLine = regexp.MustCompile(`^\{#([a-z0-9_]+)(?:\s+"(.*)")?\}$`)
	// noteLangLine is the line that opens a note's text in another language.
	noteLangLine = regexp.MustCompile(`^\{([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\}$`)
)

// loadNotes reads the notes files (see remembering).
func (l *Loader) loadNotes(fsys namedFS, next map[string]loadedFile, errs, warnings *errorList) []*NoteFile {
	var all []*NoteFile
	for _, file := range markdownFiles(fsys, NotesDir, errs, warnings) {
		nf := remembering(l, fsys, file, next, errs, func(f *sourceFile, slug string) *NoteFile {
			var front struct{}
			if err := f.decodeFront(&front); err != nil {
				*errs = append(*errs, err)
				return nil
			}
			return &NoteFile{File: f.name, Slug: slug, Notes: notesOf(f, errs)}
		})
		if nf != nil {
			all = append(all, nf)
		}
	}
	return all
}

// notesOf reads a notes file's body.
func notesOf(f *sourceFile, errs *errorList) []Note {
	var notes []Note
	var body []string // the lines of the text being read
	var bodyLine int
	end := func() {
		if len(notes) == 0 {
			body = nil // blank lines before the first note
			return
		}
		n := &notes[len(notes)-1]
		text := strings.TrimSpace(strings.Join(body, "\n"))
		t := &n.Texts[len(n.Texts)-1]
		if text == "" {
			what := "{#" + n.EID + "}"
			if t.Lang != "" {
				what = "{" + t.Lang + "}"
			}
			errs.add(f.name, bodyLine-1, "%s has no text: write the note after it, after a blank line", what)
		}
		// Lines before the text's first are blank: its line is the first's.
		for len(body) > 0 && strings.TrimSpace(body[0]) == "" {
			body, bodyLine = body[1:], bodyLine+1
		}
		t.Body, t.Line = text, bodyLine
		t.Links = bodyLinks(f.name, text, bodyLine, errs)
		body = nil
	}
	for i, raw := range strings.Split(string(f.body), "\n") {
		line, trimmed := f.bodyLine+i, strings.TrimSpace(raw)
		if m := noteLine.FindStringSubmatch(trimmed); m != nil {
			end()
			if strings.Contains(trimmed, `"`) && m[2] == "" {
				errs.add(f.name, line, `%s: the phrase is empty; write {#%s} for a note on the whole block`, trimmed, m[1])
			}
			notes = append(notes, Note{EID: m[1], Phrase: m[2], Line: line, Texts: []NoteText{{}}})
			bodyLine = line + 1
			continue
		}
		if m := noteLangLine.FindStringSubmatch(trimmed); m != nil && len(notes) > 0 {
			end()
			n := &notes[len(notes)-1]
			for _, t := range n.Texts {
				if t.Lang == m[1] {
					errs.add(f.name, line, "{%s} is given twice in the note of line %d", m[1], n.Line)
				}
			}
			n.Texts = append(n.Texts, NoteText{Lang: m[1]})
			bodyLine = line + 1
			continue
		}
		switch {
		case strings.HasPrefix(trimmed, "{#") || strings.HasPrefix(trimmed, "{") && strings.HasSuffix(trimmed, "}") && !strings.Contains(trimmed, " "):
			errs.add(f.name, line, `%s: a note opens with {#id} or {#id "phrase"}, the id of the block it annotates and the phrase in it, exactly as the text has it; {en} opens its English text`, trimmed)
		case len(notes) == 0 && trimmed != "":
			errs.add(f.name, line, `text before the first note: open it with {#id} or {#id "phrase"}, naming the block or the phrase it annotates`)
		default:
			body = append(body, raw)
		}
	}
	end()
	return notes
}
