package ocrimport

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var lineNumberPrefix = regexp.MustCompile(`^[1-9][0-9]*: `)

// FuzzParse checks, on any input, that Parse does not panic, that its errors
// and warnings carry a line of the input, and that when it succeeds nothing
// but whitespace was changed and the documents are well formed. The seed
// corpus is in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	f.Fuzz(func(t *testing.T, src []byte) {
		docs, warnings, err := Parse(src)
		lineCount := max(1, bytes.Count(src, []byte("\n"))+1)
		for _, w := range warnings {
			if w.Line < 1 || w.Line > lineCount || w.Message == "" {
				t.Fatalf("warning %v outside lines 1..%d", w, lineCount)
			}
		}
		if err != nil {
			var lineErr *LineError
			if !errors.As(err, &lineErr) || lineErr.Line < 1 || lineErr.Line > lineCount {
				t.Fatalf("error %q does not name a line in 1..%d", err, lineCount)
			}
			if !lineNumberPrefix.MatchString(err.Error()) {
				t.Fatalf("error %q does not start with its line number", err)
			}
			if docs != nil {
				t.Fatalf("documents returned with error %v", err)
			}
			return
		}
		checkNothingLost(t, src, docs)
		checkWellFormed(t, docs, lineCount)
		for _, d := range docs {
			if _, err := contentFile(d, civilDate{2025, 9, 4}, "page.txt:1"); err != nil {
				t.Fatalf("contentFile: %v", err)
			}
		}
	})
}

// checkWellFormed checks the shape Parse promises: titles and paragraphs in
// source order, datelines last, texts on one line without OCR spaces.
func checkWellFormed(t *testing.T, docs []Document, lineCount int) {
	t.Helper()
	if len(docs) == 0 {
		t.Fatal("no documents and no error")
	}
	previous := 0
	for i, d := range docs {
		if len(d.Paragraphs) < 2 {
			t.Fatalf("document %d has %d paragraphs, want a body and a dateline", i+1, len(d.Paragraphs))
		}
		for _, p := range d.Paragraphs {
			if p.Line <= previous {
				t.Fatalf("document %d: paragraph at line %d after line %d", i+1, p.Line, previous)
			}
			previous = p.Line
			checkCleanText(t, p.Text)
		}
		if last := d.Paragraphs[len(d.Paragraphs)-1].Text; !isDateline(last) {
			t.Fatalf("document %d ends with %q, not a dateline", i+1, last)
		}
		if d.TitleLine <= previous || d.TitleLine > lineCount {
			t.Fatalf("document %d: title at line %d, after line %d, of %d", i+1, d.TitleLine, previous, lineCount)
		}
		previous = d.TitleLine
		checkCleanText(t, d.Title)
	}
}

// checkCleanText checks that s is non-empty, on one line, without leading or
// trailing whitespace, with no whitespace next to a wide rune and only single
// ASCII spaces between narrow ones.
func checkCleanText(t *testing.T, s string) {
	t.Helper()
	if s == "" {
		t.Fatal("empty text")
	}
	runes := []rune(s)
	for i, r := range runes {
		if !unicode.IsSpace(r) {
			continue
		}
		if r != ' ' || i == 0 || i == len(runes)-1 || isWide(runes[i-1]) || isWide(runes[i+1]) || unicode.IsSpace(runes[i+1]) {
			t.Fatalf("OCR space left at rune %d of %q", i, s)
		}
	}
	if !utf8.ValidString(s) || strings.ContainsRune(s, '\n') {
		t.Fatalf("bad text %q", s)
	}
}
