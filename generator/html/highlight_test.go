package html

import (
	"bytes"
	"flag"
	"os"
	"testing"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// highlightCSS is the stylesheet for highlighted code: chroma's light style,
// and its dark one when the reader prefers a dark scheme.
func highlightCSS() []byte {
	f := chromahtml.New(chromahtml.WithClasses(true))
	var b bytes.Buffer
	b.WriteString("/* Code highlighting, generated from chroma's " + lightStyle + " and " + darkStyle + " styles by generator/html/highlight_test.go. */\n")
	f.WriteCSS(&b, styles.Get(lightStyle))
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	f.WriteCSS(&b, styles.Get(darkStyle))
	b.WriteString("}\n")
	return b.Bytes()
}

var updateCSS = flag.Bool("update-css", false, "rewrite static/highlight.css from chroma's styles")

// TestHighlightCSS keeps static/highlight.css what chroma generates for the
// chosen styles. After changing a style or upgrading chroma, regenerate it:
//
//	go test ./generator/html -run HighlightCSS -update-css
func TestHighlightCSS(t *testing.T) {
	const file = "../../static/highlight.css"
	want := highlightCSS()
	if *updateCSS {
		if err := os.WriteFile(file, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not what chroma generates for %s/%s; regenerate it with -update-css", file, lightStyle, darkStyle)
	}
}

func TestCodeIsHighlightedWithClasses(t *testing.T) {
	var out bytes.Buffer
	if err := NewMarkdown().Convert([]byte("```json\n{\"eid\": \"para_4\", \"num\": 4}\n```\n\n```nosuchlanguage\n<a>&\n```\n"), &out); err != nil {
		t.Fatal(err)
	}
	html := out.String()
	for _, want := range []string{`<pre class="chroma">`, `<span class="nt">&#34;eid&#34;</span>`, `&lt;a&gt;&amp;`} {
		if !bytes.Contains(out.Bytes(), []byte(want)) {
			t.Errorf("output lacks %q:\n%s", want, html)
		}
	}
	if bytes.Contains(out.Bytes(), []byte("style=")) {
		t.Errorf("inline styles in %s", html)
	}
}
