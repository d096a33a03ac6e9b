package structure_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"statements/generator/load"
	"statements/generator/structure"
)

// FuzzContent feeds any bytes to the content parser as a document file:
// loading and structuring must never panic, an error must name the file,
// and a document that loads keeps every character of its paragraphs, once,
// in reading order across its blocks.
func FuzzContent(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: 甲\ntitle_en: A\nshort: 甲\nshort_en: A\ndate: 2025-09-04\n---\n\n序言。\n\n一、总则\n\n导语。\n\n1.第一条。\n\n（1）甲。\n\n第二段。\n\n二、第二部分。\n\n（新华社北京9月4日电）\n",
		"---\ntitle: 甲\n---\n\n1.甲。\n\n一、乙。\n",
		"---\ntitle: [\n---\n",
		"---\n- a\n---\n",
		"\uFEFF---\n",
		"---\r\ntitle: 甲\r\n---\r\n",
		"---\ntitle: 甲\n---\n\n（一）甲\n\n1.乙。\n\n（二）丙。\n\n（三）\n\n2.5亿元。\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{
			"site.yaml":             {Data: []byte("title: 站点\n")},
			"documents/fuzz-doc.md": {Data: data},
		}
		c, err := load.Load(fsys, "content")
		if err != nil {
			if !strings.Contains(err.Error(), "content/documents/fuzz-doc.md") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		d, err := structure.Build(c.Documents[0])
		if err != nil {
			if !strings.HasPrefix(err.Error(), "content/documents/fuzz-doc.md:") {
				t.Fatalf("error does not name the file and line: %v", err)
			}
			return
		}
		var want, got strings.Builder
		for _, p := range c.Documents[0].Paragraphs {
			want.WriteString(p.Text)
		}
		ids := map[string]bool{}
		for _, b := range d.Blocks {
			got.WriteString(strings.ReplaceAll(b.Text(), "\n", ""))
			if ids[b.EID] || b.EID == "" {
				t.Fatalf("id %q empty or repeated", b.EID)
			}
			ids[b.EID] = true
		}
		if got.String() != want.String() {
			t.Fatalf("blocks hold %q, paragraphs %q", got.String(), want.String())
		}
	})
}
