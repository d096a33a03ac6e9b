package annotate_test

import (
	"testing"

	"statements/generator/annotate"
	"statements/generator/synth/synthtest"
)

// BenchmarkAnnotate finds every theme's terms in every block, one pass per paragraph.
func BenchmarkAnnotate(b *testing.B) {
	synthtest.Stage(b, "../..", synthtest.Analyse, "themes", func(b *testing.B, st *synthtest.Stages) int {
		notes, err := annotate.Annotate(st.Documents, st.Content.Themes)
		if err != nil {
			b.Fatal(err)
		}
		return len(notes.Themes)
	})
}
