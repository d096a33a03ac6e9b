package ocrimport

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
	"unicode/utf8"

	"statements/generator/load"
	"statements/generator/structure"
)

var lineNumberPrefix = regexp.MustCompile(`^[1-9][0-9]*: `)

// FuzzParse checks, on any input, that Parse does not panic, that its errors
// and warnings carry a line of the input, and that when it succeeds nothing
// but whitespace was changed and the documents are well formed. The seed
// corpus is in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	f.Fuzz(func(t *testing.T, src []byte) {
		docs, warnings, err := Parse(src)
		lineCount := checkPositions(t, src, warnings, err)
		if err != nil {
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

// checkPositions checks that the warnings and the error name lines of src,
// the error first, and gives the number of lines.
func checkPositions(t *testing.T, src []byte, warnings []Warning, err error) (lineCount int) {
	t.Helper()
	lineCount = max(1, bytes.Count(src, []byte("\n"))+1)
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
	}
	return lineCount
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

// FuzzParseText checks, on any input, that ParseText does not panic, that
// its errors and warnings carry a line of the input, and that when it
// succeeds nothing but whitespace (and a leading byte order mark) was
// changed, and the content file it gives loads with the same paragraphs
// and builds or fails with a file:line error. The seed corpus is
// testdata/text and testdata/fuzz/FuzzParseText.
func FuzzParseText(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "text", "*.txt"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, false)
	}
	f.Add([]byte("\uFEFF甲\r\n乙。\u2028丙。"), true)
	f.Fuzz(func(t *testing.T, src []byte, withTitle bool) {
		title := ""
		if withTitle {
			title = "测试标题"
		}
		doc, warnings, err := ParseText(src, title)
		if checkPositions(t, src, warnings, err); err != nil {
			return
		}
		var got strings.Builder
		if doc.TitleLine > 0 {
			got.WriteString(doc.Title)
		}
		for _, p := range doc.Paragraphs {
			if p.Text == "" || strings.ContainsRune(p.Text, '\n') || strings.TrimSpace(p.Text) != p.Text {
				t.Fatalf("paragraph %q is not one trimmed line", p.Text)
			}
			got.WriteString(p.Text)
		}
		if want := withoutWhitespace(string(bytes.TrimPrefix(src, []byte("\uFEFF")))); withoutWhitespace(got.String()) != want {
			t.Fatalf("text changed:\n got %q\nwant %q", withoutWhitespace(got.String()), want)
		}
		content, err := contentFile(doc, civilDate{2025, 9, 4}, "text.txt:1")
		if err != nil {
			t.Fatalf("contentFile: %v", err)
		}
		fsys := fstest.MapFS{"site.yaml": {Data: []byte("title: 站点\n")}, "documents/imported.md": {Data: content}}
		c, err := load.Load(fsys, "content")
		if err != nil {
			t.Fatalf("the content file does not load: %v\n%s", err, content)
		}
		loaded := c.Documents[0]
		if loaded.Title != strings.TrimSpace(doc.Title) || len(loaded.Paragraphs) != len(doc.Paragraphs) {
			t.Fatalf("loaded %q with %d paragraphs, imported %q with %d", loaded.Title, len(loaded.Paragraphs), doc.Title, len(doc.Paragraphs))
		}
		for i, p := range loaded.Paragraphs {
			if p.Text != doc.Paragraphs[i].Text {
				t.Fatalf("paragraph %d loads as %q, imported %q", i, p.Text, doc.Paragraphs[i].Text)
			}
		}
		if _, err := structure.Build(loaded); err != nil && !strings.HasPrefix(err.Error(), "content/documents/imported.md:") {
			t.Fatalf("structure error without file:line: %v", err)
		}
	})
}
