package load

import (
	"net/url"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Link is a link of a markdown body (a theme's annotation, an editorial
// page) to a path of this site, with the line of the file it is on: the
// build checks that it leads somewhere, and says so at that line.
type Link struct {
	Dest string
	Line int
}

// bodyLinks checks the links of a markdown body starting at bodyLine of
// file: only http(s) URLs and paths of this site are allowed (javascript:,
// data: and the like are errors at their line). It gives the links to
// paths of this site.
func bodyLinks(file, body string, bodyLine int, errs *errorList) []Link {
	src := []byte(body)
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	var links []Link
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
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
		line := bodyLine + lineOf(n, src)
		switch u, ok := allowedURL(string(dest)); {
		case !ok:
			errs.add(file, line, "link %q: may link only to http(s) URLs or to paths of this site (/…)", dest)
		case u.Scheme == "":
			links = append(links, Link{Dest: string(dest), Line: line})
		}
		return ast.WalkContinue, nil
	})
	return links
}

func allowedURL(raw string) (*url.URL, bool) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, false
	}
	switch {
	case u.Scheme == "http" || u.Scheme == "https":
		return u, u.Host != ""
	case u.Scheme == "" && u.Host == "":
		return u, strings.HasPrefix(u.Path, "/") || (u.Path == "" && u.Fragment != "")
	}
	return u, false
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
