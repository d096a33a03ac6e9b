package html

import (
	"bytes"
	"flag"
	"fmt"
	"maps"
	"os"
	"slices"
	"statements/generator/i18n/i18ntest"
	"testing"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// highlightCSS is the stylesheet for highlighted code: chroma's light style,
// and its dark one when the reader prefers a dark scheme. A token the light
// style colours and the dark one leaves in the text's colour (chroma
// writes no rule for it) is given that colour explicitly in the dark
// scheme: else the light rule shows through, dark grey on a dark
// background (punctuation, 1.19:1).
func highlightCSS() []byte {
	f := chromahtml.New(chromahtml.WithClasses(true))
	light, dark := styles.Get(lightStyle), styles.Get(darkStyle)
	var lightCSS, darkCSS bytes.Buffer
	f.WriteCSS(&lightCSS, light)
	f.WriteCSS(&darkCSS, dark)
	var b bytes.Buffer
	b.WriteString("/* Code highlighting, generated from chroma's " + lightStyle + " and " + darkStyle + " styles by generator/html/highlight_test.go. */\n")
	b.Write(lightCSS.Bytes())
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	b.Write(darkCSS.Bytes())
	types := slices.Sorted(maps.Keys(chroma.StandardTypes))
	for _, tt := range types {
		rule := " .chroma ." + chroma.StandardTypes[tt] + " { color: "
		if chroma.StandardTypes[tt] != "" && bytes.Contains(lightCSS.Bytes(), []byte(rule)) && !bytes.Contains(darkCSS.Bytes(), []byte(rule)) {
			fmt.Fprintf(&b, "/* %s, in the text's colour */%s%s }\n", tt, rule, dark.Get(tt).Colour)
		}
	}
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
	if err := NewMarkdown(i18ntest.Words(t, "zh-Hans")).Convert([]byte("```json\n{\"eid\": \"para_4\", \"num\": 4}\n```\n\n```nosuchlanguage\n<a>&\n```\n"), &out); err != nil {
		t.Fatal(err)
	}
	html := out.String()
	for _, want := range []string{`<pre tabindex="0" class="chroma"><code>`, `<span class="nt">&#34;eid&#34;</span>`, `&lt;a&gt;&amp;`} {
		if !bytes.Contains(out.Bytes(), []byte(want)) {
			t.Errorf("output lacks %q:\n%s", want, html)
		}
	}
	if bytes.Contains(out.Bytes(), []byte("style=")) {
		t.Errorf("inline styles in %s", html)
	}
}
