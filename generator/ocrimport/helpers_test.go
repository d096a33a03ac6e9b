package ocrimport

import (
	"strings"
	"testing"
	"unicode"
)

// withoutWhitespace drops every Unicode whitespace rune. It is written
// independently of the package's own removeSpace on purpose.
func withoutWhitespace(s string) string {
	var b strings.Builder
	for _, r := range s {
		if !unicode.IsSpace(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// checkNothingLost asserts the package invariant: the documents' paragraphs
// and titles, in order and without whitespace, are the input without
// whitespace.
func checkNothingLost(t *testing.T, src []byte, docs []Document) {
	t.Helper()
	var out strings.Builder
	for _, d := range docs {
		for _, p := range d.Paragraphs {
			out.WriteString(p.Text)
		}
		out.WriteString(d.Title)
	}
	got, want := withoutWhitespace(out.String()), withoutWhitespace(string(src))
	if got != want {
		t.Fatalf("non-space text changed:\n got %q\nwant %q\nfirst difference at rune %d", got, want, firstDifference(got, want))
	}
}

func firstDifference(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	for i := range min(len(ra), len(rb)) {
		if ra[i] != rb[i] {
			return i
		}
	}
	return min(len(ra), len(rb))
}

// page builds OCR-like text: the given column lines separated by blank lines,
// as the OCR prints them.
func page(lines ...string) string {
	return strings.Join(lines, "\n\n") + "\n"
}

// paragraphStarts lists the source lines where each paragraph of d starts.
func paragraphStarts(d Document) []int {
	starts := make([]int, len(d.Paragraphs))
	for i, p := range d.Paragraphs {
		starts[i] = p.Line
	}
	return starts
}

// paragraphTexts lists the texts of the paragraphs of d.
func paragraphTexts(d Document) []string {
	texts := make([]string, len(d.Paragraphs))
	for i, p := range d.Paragraphs {
		texts[i] = p.Text
	}
	return texts
}
