package synthtest

import (
	"testing"

	"statements/generator/markdown"
)

// TestPageCount checks the count of pages against the pages markdown writes.
func TestPageCount(t *testing.T) {
	for _, s := range []Site{{Name: "real", Dir: "../../.."}, {Name: "n=3", N: 3, Dir: Generate(t, "../../..", 3)}} {
		st := Analyse(t, s)
		if got, want := st.PageCount(), len(markdown.Pages(st.Markdown)); got != want {
			t.Errorf("%s: PageCount() = %d, markdown writes %d pages", s.Name, got, want)
		}
	}
}
