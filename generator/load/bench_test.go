package load_test

import (
	"testing"

	"statements/generator/load"
	"statements/generator/synth/synthtest"
)

// BenchmarkLoad reads and checks the content tree. ns/page divides by the
// site's pages, so the stages' costs per page add up to the build's.
func BenchmarkLoad(b *testing.B) {
	synthtest.Stage(b, "../..", synthtest.Analyse, "documents", func(b *testing.B, st *synthtest.Stages) int {
		c, err := load.Load(st.Config.Content, "content")
		if err != nil {
			b.Fatal(err)
		}
		return len(c.Documents)
	})
}
