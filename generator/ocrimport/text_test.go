package ocrimport_test

// The texts editors have besides newspaper pages, imported with the
// command and built with the site as they come out.

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"statements/generator/build"
	"statements/generator/internal/testenv"
	"statements/generator/load"
	"statements/generator/ocrimport"
	"statements/generator/siteurl"
)

// textForms: each raw form, its title, its date and the ids its blocks get.
var textForms = []struct{ file, title, date, ids string }{
	// Copied from a web page: title lines, document number, addressee, signature, date.
	{"web-notice.txt", "国务院办公厅关于做好测试数据管理工作的通知", "2023-03-08",
		"preface preamble__p_1 part_1 part_1__para_1 part_1__para_2 part_2 part_2__intro conclusions"},
	// A dateline at the top; the year from the body.
	{"dateline-top.txt", "中华人民共和国和测试共和国联合新闻公报", "2024-05-20", "preface para_1 para_2 para_3"},
	// The whole text on one line, paragraphs after runs of U+3000.
	{"one-line.txt", "关于推进测试工作的意见", "2022-06-01", "preamble__p_1 para_1 para_2 para_3 conclusions"},
	// Tab- and U+3000-indented paragraphs, CRLF line ends, blank lines.
	{"indented.txt", "测试工作方案", "2024-01-15", "preamble__p_1 part_1 part_1__intro part_2 part_2__para_1 part_2__para_2 conclusions"},
	// Letter-spaced title lines; a cover letter and the plan it issues.
	{"letter-spaced.txt", "国务院办公厅关于印发测试应急预案的通知", "2021-02-03",
		"preface para_1 conclusions att_1 att_1__sec_1 att_1__sec_1-1 att_1__sec_1-1__intro att_1__sec_1-2 att_1__sec_1-2__intro"},
}

func TestImportTextForms(t *testing.T) {
	for _, form := range textForms {
		t.Run(form.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", "text", form.file))
			if err != nil {
				t.Fatal(err)
			}
			site := testenv.CopySite(t, "../..")
			testenv.WithoutDocuments(t, filepath.Join(site, "content"))
			dir := filepath.Join(site, "content", "documents")
			var stdout, stderr bytes.Buffer
			if err := ocrimport.Run([]string{"-o", dir, filepath.Join("testdata", "text", form.file)}, &stdout, &stderr); err != nil {
				t.Fatalf("import: %v\n%s", err, stderr.String())
			}
			t.Logf("import says:\n%s", stderr.String())
			written := strings.Fields(stdout.String())
			if len(written) != 1 || filepath.Base(written[0]) != form.date+"-1.md" {
				t.Fatalf("wrote %v, want one file %s-1.md", written, form.date)
			}
			c, err := load.Load(os.DirFS(filepath.Join(site, "content")), "content")
			if err != nil {
				t.Fatal(err)
			}
			doc := c.Documents[0]
			if doc.Title != form.title || doc.Date != form.date {
				t.Errorf("title %q, date %s; want %q, %s", doc.Title, doc.Date, form.title, form.date)
			}
			var got strings.Builder
			got.WriteString(doc.Title)
			for _, p := range doc.Paragraphs {
				got.WriteString(p.Text)
			}
			if want := nonSpace(string(bytes.TrimPrefix(src, []byte("\uFEFF")))); nonSpace(got.String()) != want {
				t.Errorf("title and paragraphs hold\n%s\nthe text\n%s", nonSpace(got.String()), want)
			}
			built, err := build.Build(build.Config{
				Content: os.DirFS(filepath.Join(site, "content")),
				Layouts: os.DirFS(filepath.Join(site, "layouts")),
				Static:  os.DirFS(filepath.Join(site, "static")),
				Base:    siteurl.Base{},
			})
			if err != nil {
				t.Fatalf("the imported file does not build: %v", err)
			}
			for _, w := range built.Warnings {
				t.Errorf("build warning: %v", w)
			}
			var ids []string
			for _, b := range built.Documents[0].Blocks {
				ids = append(ids, b.EID)
			}
			if strings.Join(ids, " ") != form.ids {
				t.Errorf("ids %s\nwant %s", strings.Join(ids, " "), form.ids)
			}
		})
	}
}

func nonSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func TestParseTextErrors(t *testing.T) {
	tests := []struct{ name, src, title, want string }{
		{"empty", "\n　　\n", "", "1: the text is empty"},
		{"no title", "应邀请，双方举行会谈。\n双方同意。\n", "", "1: no title on top"},
		{"title only", "测试文件\n", "", "1: the text has a title and nothing else"},
		{"invalid UTF-8", "测试文件\n正文\xff。\n", "", "2: invalid UTF-8"},
		{"control character", "测试文件\n正文\x07。\n", "", "2: control character U+0007"},
		{"directive-like text", "测试文件\n<!-- 注释 -->\n", "", "2: a paragraph starting with <!--"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ocrimport.ParseText([]byte(tt.src), tt.title)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %v, want %q…", err, tt.want)
			}
		})
	}
}

// TestParseTextGivenTitle: with -title, every line stays in the text.
func TestParseTextGivenTitle(t *testing.T) {
	doc, _, err := ocrimport.ParseText([]byte("\uFEFF中华人民共和国国务院令\r\n第706号\r\n现予公布。\r"), "专利代理条例")
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, p := range doc.Paragraphs {
		texts = append(texts, p.Text)
	}
	if doc.Title != "专利代理条例" || doc.TitleLine != 0 || strings.Join(texts, "|") != "中华人民共和国国务院令|第706号|现予公布。" {
		t.Errorf("title %q (line %d), paragraphs %q", doc.Title, doc.TitleLine, texts)
	}
}
