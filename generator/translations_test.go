package main

import (
	"path/filepath"
	"regexp"
	"statements/generator/internal/testenv"
	"strings"
	"testing"

	"statements/generator/align"
	"statements/generator/structure"
)

// TestTranslationsComplete: every document of the repository has its
// English translation, aligned block for block (a missing or extra block
// fails the load or the alignment), and none is stale: each block's
// zh= hash is that of the Chinese it now translates.
func TestTranslationsComplete(t *testing.T) {
	content, docs := testenv.Structured(t, filepath.Join(repoRoot, "content"))
	set, stale, err := align.Align(docs, content.Translations)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range stale {
		t.Error(w)
	}
	for _, d := range docs {
		en := set.Of(d.Slug, "en")
		if en == nil {
			t.Errorf("%s has no English translation (content/translations/en/%s.md)", d.Slug, d.Slug)
			continue
		}
		for _, b := range d.Blocks {
			checkNumbers(t, en.File, b, strings.Join(en.Blocks[b.Index], "\n"))
		}
	}
}

// arabic finds the numbers written in digits, and whether 月 follows (a
// month, which English writes as a word).
var arabic = regexp.MustCompile(`\d+(?:[.,]\d+)*(月)?`)

// checkNumbers: every number the Chinese writes in digits (but months)
// is in the translation too.
func checkNumbers(t *testing.T, file string, b *structure.Block, english string) {
	t.Helper()
	plain := strings.ReplaceAll(english, ",", "")
	for _, m := range arabic.FindAllStringSubmatch(b.Text(), -1) {
		if m[1] != "" {
			continue
		}
		if n := strings.ReplaceAll(m[0], ",", ""); !regexp.MustCompile(`(^|\D)` + regexp.QuoteMeta(n) + `(\D|$)`).MatchString(plain) {
			t.Errorf("%s: {#%s}: the Chinese has %s, the translation does not", file, b.EID, m[0])
		}
	}
}
