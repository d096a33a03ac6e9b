package load

import (
	"strings"
	"testing"
	"testing/fstest"
)

const site = "title: 站点\n"

const goodDoc = `---
title: 测试文件
title_en: Test document
short: 测试
short_en: Test
date: 2025-09-04
parties: [中华人民共和国, 古巴共和国]
---

序言第一段。

一、第一条。
`

func load(t *testing.T, files map[string]string) (*Content, error) {
	t.Helper()
	fsys := fstest.MapFS{"site.yaml": {Data: []byte(site)}}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return Load(fsys, "content")
}

func TestLoadDocument(t *testing.T) {
	c, err := load(t, map[string]string{"documents/test-doc.md": goodDoc})
	if err != nil {
		t.Fatal(err)
	}
	d := c.Documents[0]
	if d.File != "content/documents/test-doc.md" || d.Slug != "test-doc" || d.Title != "测试文件" || d.Date != "2025-09-04" || len(d.Parties) != 2 {
		t.Errorf("document = %+v", d)
	}
	want := []Paragraph{{Text: "序言第一段。", Line: 10}, {Text: "一、第一条。", Line: 12}}
	if len(d.Paragraphs) != 2 || d.Paragraphs[0] != want[0] || d.Paragraphs[1] != want[1] {
		t.Errorf("paragraphs = %+v, want %+v", d.Paragraphs, want)
	}
}

// TestFrontMatterFallbacks: title and date are the only keys a document needs.
func TestFrontMatterFallbacks(t *testing.T) {
	c, err := load(t, map[string]string{
		"documents/bare.md":    "---\ntitle: 测试文件\ndate: 2025-09-04\n---\n\n正文。\n",
		"documents/english.md": "---\ntitle: 测试文件\ntitle_en: Test document\nshort: 测试\ndate: 2025-09-04\n---\n\n正文。\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	bare, english := c.Documents[0], c.Documents[1]
	if bare.Short != "测试文件" || bare.ShortEn != "测试文件" || bare.TitleEn != "" || bare.Genre != "document" {
		t.Errorf("bare document: short %q, short_en %q, title_en %q, genre %q", bare.Short, bare.ShortEn, bare.TitleEn, bare.Genre)
	}
	if english.Short != "测试" || english.ShortEn != "Test document" {
		t.Errorf("document with title_en: short %q, short_en %q", english.Short, english.ShortEn)
	}
}

func TestClosingDirective(t *testing.T) {
	c, err := load(t, map[string]string{"documents/a.md": "---\ntitle: 甲\ndate: 2025-09-04\n---\n\n一、甲。\n\n<!-- closing -->\n\n乙。\n"})
	if err != nil {
		t.Fatal(err)
	}
	ps := c.Documents[0].Paragraphs
	if len(ps) != 2 || ps[0].ClosingStarts || !ps[1].ClosingStarts || ps[1].Line != 10 {
		t.Errorf("paragraphs = %+v", ps)
	}
	// At the end, it says there is no closing matter.
	c, err = load(t, map[string]string{"documents/a.md": "---\ntitle: 甲\ndate: 2025-09-04\n---\n\n一、甲。\n\n<!-- closing -->\n"})
	if err != nil || !c.Documents[0].Paragraphs[0].NoClosingAfter {
		t.Errorf("directive at the end: %v", err)
	}
	for name, body := range map[string]string{
		"unknown directive": "一、甲。\n\n<!-- end -->\n\n乙。\n",
		"before any text":   "<!-- closing -->\n\n一、甲。\n",
	} {
		_, err := load(t, map[string]string{"documents/a.md": "---\ntitle: 甲\ndate: 2025-09-04\n---\n\n" + body})
		if err == nil || !strings.Contains(err.Error(), "content/documents/a.md:") || !strings.Contains(err.Error(), "<!-- ") {
			t.Errorf("%s: error = %v", name, err)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	replace := func(old, new string) string { return strings.Replace(goodDoc, old, new, 1) }
	tests := []struct{ name, file, data, want string }{
		{"empty file", "documents/a.md", "", "content/documents/a.md:1: empty file"},
		{"no front matter", "documents/a.md", "正文。\n", "content/documents/a.md:1: expected front matter"},
		{"front matter unclosed", "documents/a.md", "---\ntitle: 甲\n\n正文。\n", "content/documents/a.md:1: front matter is not closed"},
		{"front matter not YAML", "documents/a.md", replace("short: 测试", "short: [测试"), "content/documents/a.md:"},
		{"front matter a list", "documents/a.md", "---\n- a\n---\n\n正文。\n", "content/documents/a.md:2: front matter is not a YAML mapping"},
		{"missing title", "documents/a.md", replace("title: 测试文件\n", ""), "content/documents/a.md:1: title is missing or empty"},
		{"empty date", "documents/a.md", replace("date: 2025-09-04", "date: \"\""), "content/documents/a.md:6: date is missing or empty"},
		{"bad date", "documents/a.md", replace("2025-09-04", "2025年9月4日"), "content/documents/a.md:6: date \"2025年9月4日\" is not an ISO date"},
		{"duplicate key, both lines in the file's numbers", "documents/a.md", replace("short: 测试\n", "short: 测试\nshort: 又\n"), "content/documents/a.md:5: mapping key \"short\" already defined at line 4"},
		{"YAML error without a line", "documents/a.md", replace("short: 测试", "short: *nothing"), "content/documents/a.md:2: front matter is not valid YAML: unknown anchor 'nothing' referenced"},
		{"unknown field", "documents/a.md", replace("short: 测试", "shrot: 测试"), "content/documents/a.md:4: unknown front matter field \"shrot\""},
		{"wrong type", "documents/a.md", replace("parties: [中华人民共和国, 古巴共和国]", "parties: {a: b}"), "content/documents/a.md:7:"},
		{"invalid UTF-8", "documents/a.md", replace("序言第一段。", "序言\xff第一段。"), "content/documents/a.md:10: invalid UTF-8 (byte 0xff)"},
		{"byte order mark", "documents/a.md", "\uFEFF" + goodDoc, "content/documents/a.md:1: file starts with a byte order mark"},
		{"CRLF", "documents/a.md", strings.ReplaceAll(goodDoc, "\n", "\r\n"), "content/documents/a.md:1: CR (Windows) line end"},
		{"control character", "documents/a.md", replace("序言第一段。", "序言\x07第一段。"), "content/documents/a.md:10: control character U+0007"},
		{"no body", "documents/a.md", goodDoc[:strings.Index(goodDoc, "序言")], "content/documents/a.md:9: the document has no text"},
		{"paragraph on two lines", "documents/a.md", replace("序言第一段。", "序言\n第一段。"), "content/documents/a.md:11: paragraph continues on a second line"},
		{"slug not ASCII", "documents/中古.md", goodDoc, "content/documents/中古.md: file name \"中古\" is not a slug"},
		{"slug with dots", "documents/a..b.md", goodDoc, "is not a slug"},
		{"reserved slug", "documents/themes.md", goodDoc, "content/documents/themes.md: slug \"themes\" is reserved"},
		{"too large", "documents/a.md", goodDoc + strings.Repeat("甲", MaxFileSize/3+1), "content/documents/a.md: file is"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, map[string]string{tt.file: tt.data})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v\nwant containing %q", err, tt.want)
			}
		})
	}
}

func TestLoadReportsEveryBrokenFile(t *testing.T) {
	_, err := load(t, map[string]string{"documents/a.md": "", "documents/b.md": "x"})
	if err == nil || !strings.Contains(err.Error(), "a.md:1") || !strings.Contains(err.Error(), "b.md:1") {
		t.Errorf("error = %v, want both files named", err)
	}
}

func TestMissingSiteFile(t *testing.T) {
	_, err := Load(fstest.MapFS{}, "content")
	if err == nil || !strings.Contains(err.Error(), "content/site.yaml") {
		t.Errorf("error = %v", err)
	}
}

// TestNearMissesWarn: a file that looks meant for markdown but does not end
// in .md is not read, and a warning names it.
func TestNearMissesWarn(t *testing.T) {
	c, err := load(t, map[string]string{"documents/test-doc.md": goodDoc, "documents/other.MD": goodDoc, "themes/x.markdown": "x", "documents/notes.pdf": "x"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range c.Warnings {
		got = append(got, w.Error())
	}
	want := "content/documents/other.MD: not read: only files whose names end in .md are; rename it if it is one|content/themes/x.markdown: not read: only files whose names end in .md are; rename it if it is one"
	if strings.Join(got, "|") != want || len(c.Documents) != 1 {
		t.Errorf("warnings %q, %d documents", got, len(c.Documents))
	}
}
