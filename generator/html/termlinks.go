package html

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// TermLinks is the goldmark extension that marks links from a document's
// text to a theme page (destination under themesPrefix, inside an anchored
// block's paragraph, or a heading) with class="term", so they can be styled
// quietly. Where the linked term is not the theme's name, the link's title
// attribute names the theme.
func TermLinks(themesPrefix string) goldmark.Extender { return termLinks{prefix: []byte(themesPrefix)} }

type termLinks struct{ prefix []byte }

func (e termLinks) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(e, 200)))
}

func (e termLinks) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		link, ok := n.(*ast.Link)
		if !ok || !bytes.HasPrefix(link.Destination, e.prefix) {
			return ast.WalkContinue, nil
		}
		if inText(link.Parent()) {
			link.SetAttributeString("class", []byte("term"))
		}
		return ast.WalkSkipChildren, nil
	})
}

// inText reports whether a link's parent is the text of a document: a
// paragraph of an anchored block (not its note) or a heading with an id.
func inText(p ast.Node) bool {
	switch {
	case p == nil:
		return false
	case p.Kind() == ast.KindHeading:
		_, ok := p.AttributeString("id")
		return ok
	case p.Kind() == ast.KindParagraph:
		return p.Parent() != nil && p.Parent().Kind() == KindBlock && !isNote(p)
	}
	return false
}

func isNote(n ast.Node) bool {
	v, ok := n.AttributeString("class")
	return ok && bytes.Contains(v.([]byte), []byte("note"))
}
