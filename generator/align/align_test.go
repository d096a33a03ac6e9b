package align

import (
	"strings"
	"testing"
	"testing/fstest"

	"statements/generator/internal/digest"
	"statements/generator/load"
	"statements/generator/structure"
)

const site = "title: 测试\n"

const doc = `---
title: 测试文件
date: 2025-09-04
---

一、第一条。

二、第二条。

第二条的第二段。

三、第三条。
`

// translated is a translation of doc, its hashes those of doc's blocks.
const translated = `---
title: A test document
---

{#para_1 zh=HASH1}
I. The first clause.

{#para_2 zh=HASH2}
II. The second clause.

Its second paragraph.

{#para_3 zh=HASH3}

III. The third clause.
`

// aligned loads doc and a translation of it, with the real hashes put in
// for HASHn, and aligns them.
func aligned(t *testing.T, translation string) (Set, []error, error) {
	t.Helper()
	content, err := load.Load(fstest.MapFS{"site.yaml": {Data: []byte(site)}, "documents/test.md": {Data: []byte(doc)}}, "content")
	if err != nil {
		t.Fatal(err)
	}
	d, err := structure.Build(content.Documents[0])
	if err != nil {
		t.Fatal(err)
	}
	for i, b := range d.Blocks {
		translation = strings.ReplaceAll(translation, "HASH"+string(rune('1'+i)), SourceHash(b))
	}
	content, err = load.Load(fstest.MapFS{"site.yaml": {Data: []byte(site)}, "documents/test.md": {Data: []byte(doc)},
		"translations/en/test.md": {Data: []byte(translation)}}, "content")
	if err != nil {
		return nil, nil, err
	}
	return Align([]*structure.Document{d}, content.Translations)
}

func TestAligned(t *testing.T) {
	set, warnings, err := aligned(t, translated)
	if err != nil || len(warnings) > 0 {
		t.Fatalf("err %v, warnings %v", err, warnings)
	}
	text := set.Of("test", "en")
	if text == nil || text.Title != "A test document" || text.Short != text.Title {
		t.Fatalf("got %+v", text)
	}
	want := [][]string{{"I. The first clause."}, {"II. The second clause.", "Its second paragraph."}, {"III. The third clause."}}
	for i, w := range want {
		if strings.Join(text.Blocks[i], "|") != strings.Join(w, "|") || text.Stale[i] {
			t.Errorf("block %d: %q (stale %v), want %q", i, text.Blocks[i], text.Stale[i], w)
		}
	}
}

// TestPassages: each block's translation is a Passage known to package
// digest by its paragraphs (so equal texts are equal, and the digest of
// a value holding it changes with them), also in a Text made by hand; a
// block without translation has none.
func TestPassages(t *testing.T) {
	set, _, err := aligned(t, translated)
	if err != nil {
		t.Fatal(err)
	}
	text := set.Of("test", "en")
	byHand := &Text{Blocks: [][]string{{"I. The first clause."}, nil}}
	for i, paras := range text.Blocks {
		p := text.Passage(i)
		if p == nil || strings.Join(p.Texts, "|") != strings.Join(paras, "|") {
			t.Fatalf("block %d: passage %+v, want %q", i, p, paras)
		}
		if p != text.Passage(i) {
			t.Errorf("block %d: a new Passage each time: it is made once, with the Text", i)
		}
	}
	if p := byHand.Passage(0); p == nil || p.DigestIdentity() != text.Passage(0).DigestIdentity() {
		t.Errorf("the same paragraphs in a Text made by hand: %+v, want the digest of the aligned one", p)
	}
	if byHand.Passage(1) != nil {
		t.Error("a block without translation has a Passage")
	}
	if digest.Of(text.Passage(0)) == digest.Of(text.Passage(1)) {
		t.Error("two passages of different text digest the same")
	}
}

func TestMisaligned(t *testing.T) {
	for _, tc := range []struct{ name, from, to, want string }{
		{"missing block", "{#para_2 zh=HASH2}\nII. The second clause.\n\nIts second paragraph.\n\n", "",
			"content/translations/en/test.md:8: {#para_2} (二) is missing before {#para_3}"},
		{"missing at the end", "{#para_3 zh=HASH3}\n\nIII. The third clause.\n", "",
			"content/translations/en/test.md:8: {#para_3} (三) is missing at the end"},
		{"no such block", "{#para_3 zh=HASH3}", "{#para_4 zh=HASH3}", "content/translations/en/test.md:13: {#para_4}: test has no block para_4"},
		{"out of order", "{#para_1 zh=HASH1}\nI. The first clause.\n\n{#para_2 zh=HASH2}\nII. The second clause.\n\nIts second paragraph.\n",
			"{#para_2 zh=HASH2}\nII. The second clause.\n\nIts second paragraph.\n\n{#para_1 zh=HASH1}\nI. The first clause.\n",
			":10: {#para_1} comes after {#para_2} here but before it in the document"},
		{"no hash", "{#para_1 zh=HASH1}", "{#para_1}", ":5: {#para_1} does not say which Chinese text it translates: once it is checked against the Chinese, write {#para_1 zh="},
		{"text first", "{#para_1 zh=HASH1}\n", "", ":5: text before the first block"},
		{"twice", "{#para_3 zh=HASH3}", "{#para_1 zh=HASH3}", ":13: {#para_1} is given twice (first at line 5)"},
		{"no text", "\nIII. The third clause.\n", "\n", ":13: {#para_3} has no text"},
		{"two lines", "II. The second clause.\n\nIts", "II. The second clause.\nIts", ":10: paragraph continues on a second line"},
		{"not a block line", "{#para_3 zh=HASH3}", "{para_3}", ":13: {para_3}: a block opens with {#id zh=hash}"},
		{"no title", "title: A test document\n", "short: A\n", ":1: title is missing"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(translated, tc.from) {
				t.Fatalf("the translation has no %q", tc.from)
			}
			_, _, err := aligned(t, strings.Replace(translated, tc.from, tc.to, 1))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v\nwant %q", err, tc.want)
			}
		})
	}
}

// TestStale: a block whose Chinese changed since it was translated is still
// aligned, marked stale and reported, with the hash to write once checked.
func TestStale(t *testing.T) {
	set, warnings, err := aligned(t, strings.Replace(translated, "{#para_2 zh=HASH2}", "{#para_2 zh=0badf00d}", 1))
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0].Error(), "content/translations/en/test.md:8: {#para_2}: the Chinese has changed since this was translated (zh=0badf00d, now ") {
		t.Fatalf("warnings %v", warnings)
	}
	if text := set.Of("test", "en"); !text.Stale[1] || text.Stale[0] || len(text.Blocks[1]) != 2 {
		t.Errorf("stale %v, blocks %q", text.Stale, text.Blocks)
	}
}

// TestNoDocument: a translation of no document is an error of the loader.
func TestNoDocument(t *testing.T) {
	_, err := load.Load(fstest.MapFS{"site.yaml": {Data: []byte(site)}, "documents/test.md": {Data: []byte(doc)},
		"translations/en/other.md": {Data: []byte(translated)}, "translations/EN/test.md": {Data: []byte(translated)}}, "content")
	for _, want := range []string{"content/translations/en/other.md: no document content/documents/other.md", `content/translations/EN: "EN" is not a language tag`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want %q", err, want)
		}
	}
}

// TestParagraphsDiffer: a block whose Chinese has another number of
// paragraphs than its translation is reported, and left untranslated.
func TestParagraphsDiffer(t *testing.T) {
	set, warnings, err := aligned(t, strings.Replace(translated, "\n\nIts second paragraph.", "", 1))
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0].Error(), ":8: {#para_2} has 1 paragraphs here and 2 in the Chinese") {
		t.Fatalf("warnings %v", warnings)
	}
	if text := set.Of("test", "en"); text.Blocks[1] != nil || text.Blocks[0] == nil {
		t.Errorf("blocks %q", text.Blocks)
	}
}
