package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"statements/generator/export"
)

// TestWeight holds the pages to their budgets: a clause page under 20 KB of
// HTML, a document page under 2.5 times the bytes of its text (its title and
// body, as published) and 8 KB, and its table of contents under 120 bytes an
// entry, each stylesheet and script under 10 KB. The
// fixed parts are what every document and clause page carries besides its
// text: the provenance box and the citations in two languages and, on a
// clause page, in the reference managers' three formats (about 5 KB; 15 KB
// was the budget before them).
func TestWeight(t *testing.T) {
	size := func(rel string) int {
		info, err := os.Stat(filepath.Join(repoRoot, "public", rel))
		if err != nil {
			t.Fatal(err)
		}
		return int(info.Size())
	}
	for _, slug := range []string{cubaSlug, pakSlug} {
		var doc export.Document
		readJSON(t, "data/"+slug+".json", &doc)
		text := len(doc.Title)
		for _, b := range doc.Blocks {
			text += len(strings.ReplaceAll(b.Text, "\n", ""))
			if n := size(filepath.Join(slug, b.EID, "index.html")); n >= 20<<10 {
				t.Errorf("%s/%s/ is %d bytes, budget 20 KB", slug, b.EID, n)
			}
		}
		html, err := os.ReadFile(filepath.Join(repoRoot, "public", slug, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		page := len(html)
		// The table of contents has a budget of its own: an entry per
		// clause, with its first words.
		if toc, entries := tableOfContents(html); entries == 0 {
			t.Errorf("%s/: no table of contents found", slug)
		} else if toc >= 120*entries {
			t.Errorf("%s/: the table of contents is %d bytes for %d entries; budget 120 bytes an entry", slug, toc, entries)
		} else {
			page -= toc
		}
		// So have the editors' notes: their markers, their texts beside
		// the blocks and the list at the end.
		noteText, count := 0, 0
		for _, b := range doc.Blocks {
			for _, n := range b.Notes {
				noteText, count = noteText+len(n.Text), count+1
			}
		}
		if notes := editorsNotes(html); notes >= 250*count+5*noteText/2 {
			t.Errorf("%s/: the editors' notes take %d bytes for %d notes of %d bytes; budget 250 bytes a note and 2.5 times their text", slug, notes, count, noteText)
		} else {
			page -= notes
		}
		const fixed = 8 << 10
		if ratio := float64(page-fixed) / float64(text); ratio >= 2.5 {
			t.Errorf("%s/ is %d bytes without its table of contents and notes, 8 KB and %.2f times its %d bytes of text; budget 8 KB and 2.5 times", slug, page, ratio, text)
		} else {
			t.Logf("%s/: %d bytes without its table of contents and notes, 8 KB and %.2f × its text", slug, page, ratio)
		}
	}
	assets, _ := filepath.Glob(filepath.Join(repoRoot, "public", "*.css"))
	scripts, _ := filepath.Glob(filepath.Join(repoRoot, "public", "*.js"))
	if len(assets) == 0 || len(scripts) == 0 {
		t.Fatal("no stylesheet or script found")
	}
	for _, f := range append(assets, scripts...) {
		if info, _ := os.Stat(f); info.Size() >= 10<<10 {
			t.Errorf("%s is %d bytes, budget 10 KB", filepath.Base(f), info.Size())
		}
	}
}

// tableOfContents is the size of a document page's table of contents
// (nav.toc) and its number of entries.
func tableOfContents(page []byte) (size, entries int) {
	start := bytes.Index(page, []byte(`<nav class="toc"`))
	if start < 0 {
		return 0, 0
	}
	end := bytes.Index(page[start:], []byte("</nav>"))
	if end < 0 {
		return 0, 0
	}
	toc := page[start : start+end+len("</nav>")]
	return len(toc), bytes.Count(toc, []byte("<li"))
}

// editorsNotes is the size of a document page's editors' notes: their
// stylesheet's link, their markers (sup.nref), their texts after or
// beside their blocks (div.ednotes) and their list (section.endnotes).
func editorsNotes(page []byte) int {
	size := 0
	for _, m := range noteParts.FindAll(page, -1) {
		size += len(m)
	}
	return size
}

var noteParts = regexp.MustCompile(`(?s)<link rel="stylesheet" href="[^"]*/notes\.css">\n|<sup class="nref">.*?</sup>|<div class="ednotes">.*?</details>\n</div>\n|<section class="endnotes".*?</section>\n`)
