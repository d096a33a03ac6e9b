package export

import (
	"encoding/xml"
	"sort"
	"strconv"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"statements/generator/markdown"
)

// notesEl is meta/notes: every note, its text in each language a <p> per
// paragraph (the documents' language unmarked, others with xml:lang),
// its links as <a>.
func notesEl(notes []markdown.EdNote) *element {
	all := el("notes", "source", "#editors")
	for _, n := range notes {
		note := el("note", "eId", n.ID, "marker", strconv.Itoa(n.Number), "placement", "side")
		for _, t := range n.Texts {
			for _, p := range noteParagraphs(t.Body) {
				if t.Lang != "" {
					p.Attrs = append(p.Attrs, attr("xml:lang", t.Lang))
				}
				note.add(p)
			}
		}
		all.add(note)
	}
	return all
}

// noteParagraphs gives a note's markdown as <p> elements of its text,
// with its links as <a href>: what Akoma Ntoso holds of it (the
// markdown's emphasis and lists are read as their text).
func noteParagraphs(body string) []*element {
	src := []byte(body)
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	var ps []*element
	var p *element
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			if entering {
				p = el("p")
				ps = append(ps, p)
			}
		case *ast.Link:
			if entering && p != nil {
				a := el("a", "href", string(n.Destination))
				a.Text = string(n.Text(src))
				p.add(a)
				return ast.WalkSkipChildren, nil
			}
		case *ast.AutoLink:
			if entering && p != nil {
				url := string(n.URL(src))
				a := el("a", "href", url)
				a.Text = url
				p.add(a)
			}
		case *ast.Text:
			if entering && p != nil {
				p.add(&element{Text: string(n.Segment.Value(src))})
				if n.SoftLineBreak() || n.HardLineBreak() {
					p.add(&element{Text: " "})
				}
			}
		case *ast.String:
			if entering && p != nil {
				p.add(&element{Text: string(n.Value)})
			}
		}
		return ast.WalkContinue, nil
	})
	return ps
}

// placeNotes puts each note's noteRef in the element holding the text
// of its paragraph, at its marker's place.
func placeNotes(e *element, notes []markdown.EdNote) {
	if e.from != nil {
		var here []markdown.EdNote
		for _, n := range notes {
			if n.Block == e.from.block && n.Paragraph == e.from.para {
				here = append(here, n)
			}
		}
		if len(here) > 0 {
			sort.SliceStable(here, func(i, j int) bool { return here[i].End < here[j].End })
			text, cut, pos := e.Text, e.from.cut, 0
			e.Text = ""
			var children []*element
			for _, n := range here {
				at := max(n.End-cut, pos)
				if at > pos {
					children = append(children, &element{Text: text[pos:at]})
				}
				children = append(children, el("noteRef", "href", "#"+n.ID, "marker", strconv.Itoa(n.Number), "placement", "side"))
				pos = at
			}
			if pos < len(text) {
				children = append(children, &element{Text: text[pos:]})
			}
			e.Children = append(children, e.Children...)
		}
	}
	for _, c := range e.Children {
		placeNotes(c, notes)
	}
}

func attr(name, value string) xml.Attr { return xml.Attr{Name: xml.Name{Local: name}, Value: value} }
