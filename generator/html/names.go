package html

import (
	"bytes"
	"html"
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
var Names goldmark.Extender = spans{pattern: joined, may: mayJoin, open: `<span class="name">`, priority: 200, kind: ast.NewNodeKind("Name")}

// mayJoin is whether a text has a joiner of names, the test that spares
// most texts the pattern's.
func mayJoin(text []byte) bool { return bytes.ContainsAny(text, "\u00B7\u2027\u30FB-\u2010\u2011") }

// joined is a run of Han characters joined by a middle dot (·, ‧, ・) or a
// hyphen (-, ‐, ‑).
var joined = regexp.MustCompile(`\p{Han}{1,4}(?:[\x{00B7}\x{2027}\x{30FB}\x{002D}\x{2010}\x{2011}]\p{Han}{1,4})+`)

// Foreign is the goldmark extension for the pages of an edition in
// another language than the documents': every run of Chinese in their
// text (a name, a title, a quoted term) that is not inside an element
// already marked with a language goes into <span lang="…">, lang the
// documents' language, so that it is read and set as Chinese.
// Code samples are marked too, run by run, in their highlighted HTML.
func Foreign(lang string) goldmark.Extender { return foreign(lang) }

type foreign string

func (f foreign) Extend(m goldmark.Markdown) {
	spans{pattern: chineseRun, may: mayBeChinese, open: f.open(), priority: 210, kind: kindForeign, code: true}.Extend(m)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(codeRenderer{foreign: f}, 90)))
}

// Quoted is the goldmark extension for the pages in the documents' own
// language (lang): a block marked as another language (a theme note's
// English paragraph) quotes the documents in it, and each run of Chinese
// there goes into <span lang="…">, as on the other edition's pages.
func Quoted(lang string) goldmark.Extender {
	return spans{pattern: chineseRun, may: mayBeChinese, open: foreign(lang).open(), priority: 210, kind: kindForeign, inside: lang}
}

// open is the tag a run of the language starts with.
func (f foreign) open() string { return `<span lang="` + html.EscapeString(string(f)) + `">` }

// mark puts every run of the language in highlighted HTML (whose tags
// and attributes hold no Chinese) into its span.
func (f foreign) mark(highlighted []byte) []byte {
	return chineseRun.ReplaceAll(highlighted, []byte(f.open()+"$0</span>"))
}

var kindForeign = ast.NewNodeKind("Foreign")

// mayBeChinese is whether a text has a character from U+2000 on (three
// bytes in UTF-8, the first 0xE2 or more), as every run of Chinese does.
func mayBeChinese(text []byte) bool {
	for _, b := range text {
		if b >= 0xE2 {
			return true
		}
	}
	return false
}

// chineseRun is a run of Chinese: Han characters and CJK punctuation,
// with digits inside (第2758号), after an opening quotation mark if any.
var chineseRun = regexp.MustCompile(`[\x{201C}\x{2018}\x{300A}\x{FF08}]?[\p{Han}\x{3001}-\x{303F}\x{FF01}-\x{FF60}][\p{Han}\x{3000}-\x{303F}\x{FF01}-\x{FF60}\x{201C}\x{201D}\x{2018}\x{2019}\x{00B7}\x{2014}\x{2026}0-9]*`)

// spans is an extension that puts every match of pattern in a text into
// a span (open): text nodes are split around the matches, and each match
// becomes a spanNode. Code is left alone, and so is text inside a block
// that has a lang attribute of its own, unless inside is set: then only the
// text inside a block of another language than inside is looked at.
type spans struct {
	pattern  *regexp.Regexp
	may      func(text []byte) bool // false for a text the pattern cannot match
	open     string
	priority int
	kind     ast.NodeKind // its spanNodes'
	code     bool         // a code span with a match goes into a span whole
	inside   string       // the page's language, whose blocks are left alone
}

func (s spans) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(spanWrapper{s}, s.priority)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(spanRenderer{s.open, s.kind}, 500)))
}

// spanNode is a run of text in a span; its child is the text.
type spanNode struct {
	ast.BaseInline
	kind ast.NodeKind
}

// Kind implements ast.Node.
func (n *spanNode) Kind() ast.NodeKind { return n.kind }

// Dump implements ast.Node.
func (n *spanNode) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

type spanWrapper struct{ spans }

// Transform splits every text node around the matches in it.
func (w spanWrapper) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	source := reader.Source()
	var texts []*ast.Text
	var codes []ast.Node
	var other ast.Node // the block of another language the walk is in, if any
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n == other {
				other = nil
			}
			return ast.WalkContinue, nil
		}
		if lang, ok := n.AttributeString("lang"); ok && n.Type() == ast.TypeBlock {
			if w.inside == "" || other != nil || langOf(lang) == w.inside {
				return ast.WalkSkipChildren, nil
			}
			other = n
			return ast.WalkContinue, nil
		}
		if w.inside != "" && other == nil {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan:
			if w.code && w.matches(codeText(n, source)) {
				codes = append(codes, n)
			}
			return ast.WalkSkipChildren, nil
		case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if w.matches(n.Segment.Value(source)) {
				texts = append(texts, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		w.wrap(t, source)
	}
	for _, c := range codes {
		span := &spanNode{kind: w.kind}
		c.Parent().InsertBefore(c.Parent(), c, span)
		span.AppendChild(span, c) // AppendChild takes c from its parent
	}
}

// matches is whether the pattern matches in text.
func (s spans) matches(text []byte) bool { return s.may(text) && s.pattern.Match(text) }

// wrap replaces a text node by its pieces: the text between matches, and
// each match in a spanNode. The last piece keeps the node's line break.
func (w spanWrapper) wrap(t *ast.Text, source []byte) {
	parent, seg := t.Parent(), t.Segment
	at := ast.Node(t)
	piece := func(start, stop int) *ast.Text {
		p := ast.NewTextSegment(text.NewSegment(seg.Start+start, seg.Start+stop))
		p.SetRaw(t.IsRaw())
		return p
	}
	insert := func(n ast.Node) {
		parent.InsertAfter(parent, at, n)
		at = n
	}
	pos := 0
	for _, m := range w.pattern.FindAllIndex(seg.Value(source), -1) {
		if m[0] > pos {
			insert(piece(pos, m[0]))
		}
		span := &spanNode{kind: w.kind}
		span.AppendChild(span, piece(m[0], m[1]))
		insert(span)
		pos = m[1]
	}
	last := piece(pos, seg.Len())
	last.SetSoftLineBreak(t.SoftLineBreak())
	last.SetHardLineBreak(t.HardLineBreak())
	insert(last)
	parent.RemoveChild(parent, t)
}

type spanRenderer struct {
	open string
	kind ast.NodeKind
}

func (r spanRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(r.kind, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			w.WriteString(r.open)
		} else {
			w.WriteString("</span>")
		}
		return ast.WalkContinue, nil
	})
}

// langOf is a lang attribute's value as a string.
func langOf(v any) string {
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	return ""
}

// codeText is the text of a code span.
func codeText(n *ast.CodeSpan, source []byte) []byte {
	var b []byte
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			b = append(b, t.Segment.Value(source)...)
		}
	}
	return b
}
