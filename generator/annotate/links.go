package annotate

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"statements/generator/load"
)

// checkLinks allows an annotation to link only to http(s) URLs and to paths of this site.
func checkLinks(t *load.Theme) error {
	src := []byte(t.Body)
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	var bad error
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || bad != nil {
			return ast.WalkContinue, nil
		}
		var dest []byte
		switch l := n.(type) {
		case *ast.Link:
			dest = l.Destination
		case *ast.Image:
			dest = l.Destination
		case *ast.AutoLink:
			dest = l.URL(src)
		default:
			return ast.WalkContinue, nil
		}
		if !allowedURL(string(dest)) {
			bad = &load.Error{File: t.File, Line: t.BodyLine + lineOf(n, src), Msg: fmt.Sprintf("link %q: annotations may link only to http(s) URLs or to paths of this site (/…)", dest)}
		}
		return ast.WalkContinue, nil
	})
	return bad
}

func allowedURL(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch {
	case u.Scheme == "http" || u.Scheme == "https":
		return u.Host != ""
	case u.Scheme == "" && u.Host == "":
		return strings.HasPrefix(u.Path, "/") || (u.Path == "" && u.Fragment != "")
	}
	return false
}

// lineOf is the 0-based line of the body on which the block holding n starts.
func lineOf(n ast.Node, src []byte) int {
	for p := n; p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return strings.Count(string(src[:p.Lines().At(0).Start]), "\n")
		}
	}
	return 0
}
