package html_test

import (
	"testing"

	"statements/generator/html"
	"statements/generator/synth/synthtest"
)

// BenchmarkHTML parses the layouts and renders every page, on one core (the
// build spreads the pages over all cores).
func BenchmarkHTML(b *testing.B) {
	synthtest.Stage(b, "../..", synthtest.RunStages, "output-B", func(b *testing.B, st *synthtest.Stages) int {
		r, err := html.New(st.Config.Layouts, html.Options{Base: st.Config.Base, Words: st.Markdown.Words, TextLang: st.Content.Site.Language})
		if err != nil {
			b.Fatal(err)
		}
		size := 0
		site := &html.Site{Meta: st.Content.Site}
		for _, p := range st.Pages {
			out, err := r.Render(html.Input{Site: site, Page: p})
			if err != nil {
				b.Fatal(err)
			}
			size += len(out)
		}
		return size
	})
}
