package html

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"statements/generator/i18n"
)

// EditorsNotes is the goldmark extension that shows the editors' notes,
// which package markdown writes as footnotes ([^3], the note's number
// in its document, and the definitions at the page's end):
//
//   - a note's marker is its number, raised, linking to its text; a
//     screen reader names it with the wording's EdNotes.Note, and it is
//     not part of the text a reader selects or copies;
//   - a note's id is that of the block it is marked in (the Block, or
//     the heading with an id) and its place among the block's notes:
//     <block id>__note_<n>, as package editorial gives it;
//   - on a page that shows notes beside their blocks (see Beside), each
//     block's notes follow its text in a div.ednotes, each a <details>
//     a reader opens in place (a stylesheet or script may set them
//     beside the text), whose text carries the id;
//   - every page ends with the list of its notes (section.endnotes),
//     numbered as in the document, each with a link back to its marker;
//     where notes are not beside their blocks, the list's items carry
//     the ids.
func EditorsNotes(w *i18n.Strings) goldmark.Extender { return edNotes{w} }

type edNotes struct{ words *i18n.Strings }

// besideKey says, in a parser.Context, that the page shows notes beside their blocks.
var besideKey = parser.NewContextKey()

// Beside is the parser option of a page that shows the notes beside the
// blocks they are on (a document's page), not only in its list.
func Beside() parser.ParseOption {
	pc := parser.NewContext()
	pc.Set(besideKey, true)
	return parser.WithContext(pc)
}

func (e edNotes) Extend(m goldmark.Markdown) {
	extension.NewFootnote().Extend(m)
	r := &noteRenderer{words: e.words}
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(notePlacer{}, 1000)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(r, 100)))
	r.all = m.Renderer()
}

// KindNoteGroup is the node kind of a block's notes, beside it.
var KindNoteGroup = ast.NewNodeKind("NoteGroup")

// NoteGroup holds the notes marked in one block, in order.
type NoteGroup struct {
	ast.BaseBlock
	Notes []*east.Footnote
}

// Kind implements ast.Node.
func (*NoteGroup) Kind() ast.NodeKind { return KindNoteGroup }

// Dump implements ast.Node.
func (g *NoteGroup) Dump(source []byte, level int) { ast.DumpHelper(g, source, level, nil, nil) }

// notePlacer gives the notes their ids and their blocks' labels, and,
// on a page that shows them beside, puts each block's notes after it.
// It runs after the footnote extension has gathered the definitions.
type notePlacer struct{}

func (notePlacer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	list, _ := doc.LastChild().(*east.FootnoteList)
	if list == nil {
		return
	}
	byIndex := map[int]*east.Footnote{}
	for n := list.FirstChild(); n != nil; n = n.NextSibling() {
		if fn, ok := n.(*east.Footnote); ok {
			byIndex[fn.Index] = fn
			dropBacklinks(fn)
		}
	}
	beside := pc.Get(besideKey) == true
	counts := map[ast.Node]int{}
	groups := map[ast.Node]*NoteGroup{}
	var order []ast.Node
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n == list {
			return ast.WalkSkipChildren, nil
		}
		link, ok := n.(*east.FootnoteLink)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		fn := byIndex[link.Index]
		if fn == nil || fn.Attributes() != nil {
			return ast.WalkContinue, nil // marked twice: the first marker is the note's
		}
		owner := noteOwner(link)
		counts[owner]++
		id := attributeID(owner) + "__note_" + strconv.Itoa(counts[owner])
		fn.SetAttributeString("id", []byte(id))
		label, ok := owner.AttributeString("data-label")
		if !ok {
			label, _ = owner.AttributeString("data-loc")
		}
		if label != nil {
			fn.SetAttributeString("data-label", label)
		}
		link.SetAttributeString("id", []byte(id))
		link.SetAttributeString("data-number", fn.Ref)
		if beside {
			g := groups[owner]
			if g == nil {
				g = &NoteGroup{}
				groups[owner] = g
				order = append(order, owner)
			}
			g.Notes = append(g.Notes, fn)
		}
		return ast.WalkContinue, nil
	})
	for _, owner := range order {
		if owner.Kind() == KindBlock {
			// After the block's text and its translation's original, before its theme line.
			at := owner.LastChild()
			for at != nil && hasClass(at, "note") {
				at = at.PreviousSibling()
			}
			owner.InsertAfter(owner, at, groups[owner])
			continue
		}
		owner.Parent().InsertAfter(owner.Parent(), owner, groups[owner])
	}
	if beside {
		list.SetAttributeString("data-beside", []byte("true"))
	}
}

// noteOwner is the block a marker is in: its Block, or its heading.
func noteOwner(n ast.Node) ast.Node {
	var heading ast.Node
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == KindBlock {
			return p
		}
		if p.Kind() == ast.KindHeading && heading == nil {
			heading = p
		}
	}
	if heading != nil {
		return heading
	}
	return n.Parent()
}

// dropBacklinks removes the footnote extension's links back to the
// markers: the list writes its own, and a note beside its block needs none.
func dropBacklinks(fn ast.Node) {
	var links []ast.Node
	ast.Walk(fn, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == east.KindFootnoteBacklink {
			links = append(links, n)
		}
		return ast.WalkContinue, nil
	})
	for _, l := range links {
		l.Parent().RemoveChild(l.Parent(), l)
	}
}

func hasClass(n ast.Node, class string) bool {
	v, ok := n.AttributeString("class")
	if !ok {
		return false
	}
	b, _ := v.([]byte)
	for _, c := range strings.Fields(string(b)) {
		if c == class {
			return true
		}
	}
	return false
}

// noteRenderer renders the markers, the notes beside their blocks and
// the list of a page's notes.
type noteRenderer struct {
	words *i18n.Strings
	all   renderer.Renderer // to render a note's text a second time, beside its block
}

func (r *noteRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindFootnoteLink, r.renderMarker)
	reg.Register(east.KindFootnoteBacklink, func(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) { return ast.WalkContinue, nil })
	reg.Register(KindNoteGroup, r.renderGroup)
	reg.Register(east.KindFootnoteList, r.renderList)
	reg.Register(east.KindFootnote, r.renderListed)
}

// name is a note's name: 编者注3.
func (r *noteRenderer) name(number []byte) []byte {
	return util.EscapeHTML([]byte(i18n.Sub(r.words.EdNotes.Note, "number", string(number))))
}

func (r *noteRenderer) renderMarker(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	id, _ := node.AttributeString("id")
	number, _ := node.AttributeString("data-number")
	if id == nil || number == nil {
		return ast.WalkContinue, nil // a second marker of one note
	}
	w.WriteString(`<sup class="nref"><a href="#`)
	w.Write(util.EscapeHTML(id.([]byte)))
	w.WriteString(`" id="ref-`)
	w.Write(util.EscapeHTML(id.([]byte)))
	w.WriteString(`" role="doc-noteref" aria-label="`)
	w.Write(r.name(number.([]byte)))
	w.WriteString(`">`)
	w.Write(util.EscapeHTML(number.([]byte)))
	w.WriteString(`</a></sup>`)
	return ast.WalkContinue, nil
}

// renderGroup writes a block's notes, each a <details> whose summary is
// its name and whose text has its id (following a marker opens it).
func (r *noteRenderer) renderGroup(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	w.WriteString(`<div class="ednotes">` + "\n")
	for _, fn := range node.(*NoteGroup).Notes {
		id, _ := fn.AttributeString("id")
		w.WriteString(`<details class="ednote"><summary>`)
		w.Write(r.name(fn.Ref))
		w.WriteString(`</summary><div class="ednote-text" id="`)
		w.Write(util.EscapeHTML(id.([]byte)))
		w.WriteString(`" role="doc-footnote">` + "\n")
		if err := r.children(w, source, fn); err != nil {
			return ast.WalkStop, err
		}
		w.WriteString("</div></details>\n")
	}
	w.WriteString("</div>\n")
	return ast.WalkSkipChildren, nil
}

// children renders a note's text.
func (r *noteRenderer) children(w util.BufWriter, source []byte, fn ast.Node) error {
	for c := fn.FirstChild(); c != nil; c = c.NextSibling() {
		if err := r.all.Render(w, source, c); err != nil {
			return err
		}
	}
	return nil
}

func (r *noteRenderer) renderList(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		w.WriteString(`<section class="endnotes" role="doc-endnotes" aria-labelledby="endnotes"><h2 id="endnotes">`)
		w.Write(util.EscapeHTML([]byte(r.words.EdNotes.Heading)))
		w.WriteString("</h2>\n<ol>\n")
		return ast.WalkContinue, nil
	}
	w.WriteString("</ol>\n</section>\n")
	return ast.WalkContinue, nil
}

// renderListed writes a note in the page's list: numbered as in the
// document, with a link back to its marker; it has the note's id where
// the note is not beside its block.
func (r *noteRenderer) renderListed(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	fn := node.(*east.Footnote)
	id, _ := fn.AttributeString("id")
	if id == nil {
		return ast.WalkSkipChildren, nil // never marked
	}
	if entering {
		w.WriteString(`<li value="`)
		w.Write(util.EscapeHTML(fn.Ref))
		w.WriteByte('"')
		if _, beside := fn.Parent().AttributeString("data-beside"); beside {
			// The note is beside its block: the list leads to it by its first words.
			w.WriteString(`><a href="#`)
			w.Write(util.EscapeHTML(id.([]byte)))
			w.WriteString(`">`)
			w.Write(util.EscapeHTML([]byte(firstWords(fn, source, listedWords))))
			w.WriteString("</a> ")
			return ast.WalkSkipChildren, nil
		}
		w.WriteString(` id="`)
		w.Write(util.EscapeHTML(id.([]byte)))
		w.WriteString(`">` + "\n")
		return ast.WalkContinue, nil
	}
	label, _ := fn.AttributeString("data-label")
	w.WriteString(`<a class="back" href="#ref-`)
	w.Write(util.EscapeHTML(id.([]byte)))
	w.WriteString(`">`)
	if label != nil {
		w.Write(util.EscapeHTML([]byte(i18n.Sub(r.words.EdNotes.Back, "label", string(label.([]byte))))))
	} else {
		w.Write(util.EscapeHTML([]byte(i18n.Sub(r.words.EdNotes.Back, "label", ""))))
	}
	w.WriteString("</a></li>\n")
	return ast.WalkContinue, nil
}

// listedWords is how many characters of a note the list of a page whose
// notes are beside their blocks shows.
const listedWords = 40

// firstWords is the start of a note's text, plain, cut at n characters.
func firstWords(fn ast.Node, source []byte, n int) string {
	var b strings.Builder
	ast.Walk(fn, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(source))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	r := []rune(strings.TrimSpace(b.String()))
	if len(r) <= n {
		return string(r)
	}
	return strings.TrimSpace(string(r[:n])) + "…"
}
