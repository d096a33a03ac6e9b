package browsertest

import (
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"statements/generator/internal/testenv"
)

// The WCAG 2.0, 2.1 and 2.2 A and AA rules of axe-core.
const axeRun = `axe.run(document, {
	runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
	resultTypes: ["violations"],
}).then(r => r.violations.map(v => ({
	ID: v.id, Impact: v.impact, Help: v.help,
	Targets: v.nodes.map(n => n.target.flat(Infinity).join(" ") + (n.any.concat(n.all, n.none).map(c => " — " + c.message).join(""))),
})))`

type violation struct {
	ID, Impact, Help string
	Targets          []string
}

func (v violation) String() string {
	return fmt.Sprintf("%s (%s): %s\n\t\t%s", v.ID, v.Impact, v.Help, strings.Join(v.Targets, "\n\t\t"))
}

// Every page type passes axe-core's WCAG A and AA rules, in the light and the
// dark colour scheme, at 360 and 1280 px.
func TestAccessibility(t *testing.T) {
	needBrowser(t)
	axe := needAxe(t)
	pages := append(pageTypes[:len(pageTypes):len(pageTypes)],
		struct{ name, path string }{"document-at-clause", "/china-cuba-joint-statement-2025/#para_4"},
		// results in many blocks, with a "more" button; names and numbers; none
		struct{ name, path string }{"search-many", "/search/?q=" + url.QueryEscape("合作")},
		struct{ name, path string }{"search-names", "/search/?q=" + url.QueryEscape("Belt and Road")},
		struct{ name, path string }{"search-none", "/search/?q=" + url.QueryEscape("量子引力")})
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) { checkAccessibility(t, axe, origin, p.path) })
	}
}

// Documents of every shape (a preface, a closing, a table of contents,
// attachments, articles, decimal sections) pass them too.
func TestShapesAccessibility(t *testing.T) {
	needBrowser(t)
	axe := needAxe(t)
	shapes := serveShapes(t)
	for _, path := range []string{"/regulation-order/", "/decimal-plan-cover/", "/decimal-plan-cover/att_1/", "/opinions-attachment/", "/notice/conclusions/"} {
		t.Run(strings.Trim(path, "/"), func(t *testing.T) { checkAccessibility(t, axe, shapes, path) })
	}
}

// serveShapes builds the documents of every shape with the site's layouts
// and serves them, as GitHub Pages would, until the test ends; it gives the
// server's origin.
func serveShapes(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range testenv.BuildShapes(t, filepath.Join("..", "..")).Files {
		file := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	handler, err := pagesHandler(dir)
	if err != nil {
		t.Fatal(err)
	}
	shapes := httptest.NewServer(handler)
	t.Cleanup(shapes.Close)
	return shapes.URL
}

// checkAccessibility runs axe on the page at base+path in every look.
func checkAccessibility(t *testing.T, axe, base, path string) {
	tb := newTab(t, looks[0])
	tb.openAt(base, path)
	if u, err := url.Parse(path); err == nil && u.Path == "/search/" && u.Query().Get("q") != "" {
		// the results, not the page before search.js has shown them
		if !tb.waitFor(`document.querySelector("article.search").dataset.shown === ` + jsString(strings.TrimSpace(u.Query().Get("q")))) {
			t.Fatalf("%s: no results shown", path)
		}
	}
	tb.eval(axe+"\n;undefined", nil)
	for _, v := range looks {
		tb.emulate(v)
		var violations []violation
		tb.eval(axeRun, &violations)
		for _, x := range violations {
			t.Errorf("%s at %v: %v", path, v, x)
		}
	}
}
