package html

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"statements/generator/siteurl"
)

// SiteLinks is the goldmark extension that serves links written as site
// paths ("/china-cuba-joint-statement-2025/#para_4", as editors write them in
// annotations) from where the site, or its edition, is: it gives every
// link or image path that starts with a single "/" its base, unless it has
// it already (siteurl.Base.Rebase). At the root of the site's own edition
// it changes nothing.
func SiteLinks(base siteurl.Base) goldmark.Extender { return siteLinks{base} }

type siteLinks struct{ base siteurl.Base }

func (e siteLinks) Extend(m goldmark.Markdown) {
	if e.base.Path("/") != "/" {
		m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(e, 150)))
	}
}

func (e siteLinks) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch l := n.(type) {
		case *ast.Link:
			l.Destination = e.rebase(l.Destination)
		case *ast.Image:
			l.Destination = e.rebase(l.Destination)
		}
		return ast.WalkContinue, nil
	})
}

func (e siteLinks) rebase(dest []byte) []byte {
	if rebased := e.base.Rebase(string(dest)); rebased != string(dest) {
		return []byte(rebased)
	}
	return dest
}
