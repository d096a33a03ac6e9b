package html

import (
	"bytes"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
	highlighting "github.com/yuin/goldmark-highlighting/v2"
)

// Code samples (the data page's shell, JSON, XML, Go and Python) are
// highlighted by chroma through goldmark, with CSS classes rather than inline
// styles, so one stylesheet serves both colour schemes.
var codeHighlighting = highlighting.NewHighlighting(
	highlighting.WithFormatOptions(chromahtml.WithClasses(true)),
)

// Chroma styles for the light and the dark colour scheme.
const (
	lightStyle = "github"
	darkStyle  = "github-dark"
)

// HighlightCSS is the stylesheet for highlighted code: the light style, and
// the dark one when the reader prefers a dark scheme.
func HighlightCSS() []byte {
	f := chromahtml.New(chromahtml.WithClasses(true))
	var b bytes.Buffer
	b.WriteString("/* Code highlighting, generated from chroma's " + lightStyle + " and " + darkStyle + " styles. */\n")
	f.WriteCSS(&b, styles.Get(lightStyle))
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	f.WriteCSS(&b, styles.Get(darkStyle))
	b.WriteString("}\n")
	return b.Bytes()
}
