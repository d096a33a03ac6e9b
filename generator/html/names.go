package html

import (
	"regexp"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Names is the goldmark extension that keeps a transliterated name on one
// line. Chinese text may break between any two characters, and a name of
// several parts (夏巴兹·谢里夫, 迪亚斯-卡内尔) broke at its joiner, half of
// it on the next line. Each joiner between Han characters, with up to
// four Han characters on either side (a name's part is seldom longer;
// a neighbour caught with it costs nothing), goes into <span
// class="name">, which site.css keeps whole. The text is unchanged: only
// markup goes around it.
var Names goldmark.Extender = namesExtension{}

// joined is a run of Han characters joined by a middle dot (·, ‧, ・) or a
// hyphen (-, ‐, ‑).
var joined = regexp.MustCompile(`\p{Han}{1,4}(?:[\x{00B7}\x{2027}\x{30FB}\x{002D}\x{2010}\x{2011}]\p{Han}{1,4})+`)

type namesExtension struct{}

func (namesExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(nameWrapper{}, 200)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(nameRenderer{}, 500)))
}

// KindName is the node kind of a name kept on one line.
var KindName = ast.NewNodeKind("Name")

// NameNode is a name kept on one line; its child is the name's text.
type NameNode struct{ ast.BaseInline }

// Kind implements ast.Node.
func (*NameNode) Kind() ast.NodeKind { return KindName }

// Dump implements ast.Node.
func (n *NameNode) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

type nameWrapper struct{}

// Transform splits every text node around the names in it.
func (nameWrapper) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	source := reader.Source()
	var texts []*ast.Text
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if joined.Match(n.Segment.Value(source)) {
				texts = append(texts, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		wrapNames(t, source)
	}
}

// wrapNames replaces a text node by its pieces: the text between names,
// and each name in a NameNode. The last piece keeps the node's line break.
func wrapNames(t *ast.Text, source []byte) {
	parent, seg := t.Parent(), t.Segment
	at := ast.Node(t)
	piece := func(start, stop int) *ast.Text {
		return ast.NewTextSegment(text.NewSegment(seg.Start+start, seg.Start+stop))
	}
	insert := func(n ast.Node) {
		parent.InsertAfter(parent, at, n)
		at = n
	}
	pos := 0
	for _, m := range joined.FindAllIndex(seg.Value(source), -1) {
		if m[0] > pos {
			insert(piece(pos, m[0]))
		}
		name := &NameNode{}
		name.AppendChild(name, piece(m[0], m[1]))
		insert(name)
		pos = m[1]
	}
	last := piece(pos, seg.Len())
	last.SetSoftLineBreak(t.SoftLineBreak())
	last.SetHardLineBreak(t.HardLineBreak())
	last.SetRaw(t.IsRaw())
	insert(last)
	parent.RemoveChild(parent, t)
}

type nameRenderer struct{}

func (nameRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindName, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			w.WriteString(`<span class="name">`)
		} else {
			w.WriteString("</span>")
		}
		return ast.WalkContinue, nil
	})
}
