package html

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Mark is the goldmark extension for highlighted text, "==term==" → <mark>term</mark>.
// Theme pages use it to show where a passage names the theme. Unlike
// emphasis, a pair of "==" opens and closes whatever surrounds it, since
// Chinese text has no spaces to flank it; a literal "=" in text is escaped
// (markdown.Escape does so).
var Mark goldmark.Extender = markExtension{}

type markExtension struct{}

func (markExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(markParser{}, 500)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(markRenderer{}, 500)))
}

// KindMark is the node kind of highlighted text.
var KindMark = ast.NewNodeKind("Mark")

// MarkNode is highlighted text.
type MarkNode struct{ ast.BaseInline }

// Kind implements ast.Node.
func (*MarkNode) Kind() ast.NodeKind { return KindMark }

// Dump implements ast.Node.
func (n *MarkNode) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

type markDelimiter struct{}

func (markDelimiter) IsDelimiter(b byte) bool { return b == '=' }

func (markDelimiter) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (markDelimiter) OnMatch(consumes int) ast.Node { return &MarkNode{} }

type markParser struct{}

func (markParser) Trigger() []byte { return []byte{'='} }

func (markParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := block.PrecendingCharacter()
	line, segment := block.PeekLine()
	d := parser.ScanDelimiter(line, before, 2, markDelimiter{})
	if d == nil || d.OriginalLength != 2 || before == '=' {
		return nil
	}
	d.CanOpen, d.CanClose = true, true
	d.Segment = segment.WithStop(segment.Start + d.OriginalLength)
	block.Advance(d.OriginalLength)
	pc.PushDelimiter(d)
	return d
}

func (markParser) CloseBlock(parent ast.Node, pc parser.Context) {}

type markRenderer struct{}

func (markRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindMark, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			w.WriteString("<mark>")
		} else {
			w.WriteString("</mark>")
		}
		return ast.WalkContinue, nil
	})
}
