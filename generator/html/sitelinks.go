package html

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// SiteLinks is the goldmark extension that serves links written as site
// paths ("/china-cuba-joint-statement-2025/#para_4", as editors write them in
// annotations) from a site deployed under a sub-path: it puts prefix
// ("/sub/path") in front of every link or image path that starts with a
// single "/" and does not already start with prefix + "/". With an empty
// prefix it changes nothing.
func SiteLinks(prefix string) goldmark.Extender { return siteLinks{prefix: []byte(prefix)} }

type siteLinks struct{ prefix []byte }

func (e siteLinks) Extend(m goldmark.Markdown) {
	if len(e.prefix) > 0 {
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
	if !bytes.HasPrefix(dest, []byte("/")) || bytes.HasPrefix(dest, []byte("//")) {
		return dest
	}
	if bytes.HasPrefix(dest, append(append([]byte{}, e.prefix...), '/')) {
		return dest
	}
	return append(append([]byte{}, e.prefix...), dest...)
}
