package html

import (
	"bufio"
	"bytes"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Code samples (the data page's shell, JSON, XML, Go and Python) are
// highlighted by chroma, with CSS classes rather than inline styles, so one
// stylesheet (static/highlight.css, generated from chroma's styles; see
// highlight_test.go) serves both colour schemes. The renderer uses only
// chroma's lexers and HTML formatter: its style registry, never needed at
// build time, costs every run 13 ms to initialise.
var codeHighlighting goldmark.Extender = highlighter{}

// Chroma styles for the light and the dark colour scheme of static/highlight.css.
const (
	lightStyle = "github"
	darkStyle  = "github-dark"
)

type highlighter struct{}

func (highlighter) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(codeRenderer{}, 100)))
}

// codeRenderer highlights code; on an edition's pages it marks the runs of
// the documents' language in it (foreign).
type codeRenderer struct{ foreign foreign }

// classesOnly is the style handed to the formatter: with classes it reads
// nothing from the style but its name.
var classesOnly = chroma.MustNewStyle("classes", chroma.StyleEntries{})

var codeFormatter = chromahtml.New(chromahtml.WithClasses(true), chromahtml.WithPreWrapper(scrollingPre{}))

// scrollingPre wraps a code sample in a <pre> that a keyboard can focus:
// a long line scrolls sideways inside its box (site.css), not the page,
// and a box that scrolls must be reachable without a mouse (WCAG 2.1.1).
type scrollingPre struct{}

func (scrollingPre) Start(code bool, styleAttr string) string {
	if code {
		return `<pre tabindex="0"` + styleAttr + `><code>`
	}
	return `<pre` + styleAttr + `>`
}

func (scrollingPre) End(code bool) string {
	if code {
		return `</code></pre>`
	}
	return `</pre>`
}

func (r codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.renderCode)
}

func (r codeRenderer) renderCode(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if r.foreign != "" {
		var b bytes.Buffer
		bw := bufio.NewWriter(&b)
		status, err := codeRenderer{}.renderCode(bw, source, node, entering)
		bw.Flush()
		w.Write(r.foreign.mark(b.Bytes()))
		return status, err
	}
	n := node.(*ast.FencedCodeBlock)
	var code bytes.Buffer
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		code.Write(seg.Value(source))
	}
	lexer := lexers.Get(string(n.Language(source)))
	if lexer == nil {
		lexer = lexers.Fallback
	}
	tokens, err := chroma.Coalesce(lexer).Tokenise(nil, code.String())
	if err == nil {
		err = codeFormatter.Format(w, classesOnly, tokens)
	}
	if err != nil { // a lexer that fails: the code, plain and escaped
		w.WriteString(scrollingPre{}.Start(true, ""))
		w.Write(util.EscapeHTML(code.Bytes()))
		w.WriteString(scrollingPre{}.End(true) + "\n")
	}
	return ast.WalkSkipChildren, nil
}
