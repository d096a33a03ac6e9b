package ocrimport

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

// twoDocumentPage has a document with a vertical title and one with a
// horizontal title; 2024 is the most frequent year of both bodies.
var twoDocumentPage = page(
	"甲乙丙丁戊己庚辛",
	"甲乙丙丁 2024 年",
	"甲乙丙丁戊己庚辛壬癸",
	"2023年和2024年。",
	"（新华社北京9月 4日电）",
) + "\n第\n一\n\n号\n\n" + page(
	"子丑寅卯辰巳午未",
	"子丑寅卯辰巳午未申酉",
	"2024年: 子丑寅。",
	"（新华社北京12月31日电）",
) + "\n第二号\n文件\n"

func writeInput(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestRunWritesContentFiles(t *testing.T) {
	input := writeInput(t, "page.txt", twoDocumentPage)
	dir := filepath.Join(t.TempDir(), "content", "documents")
	var stdout, stderr bytes.Buffer
	if err := Run([]string{"-o", dir, input}, &stdout, &stderr); err != nil {
		t.Fatalf("Run: %v\nstderr:\n%s", err, stderr.String())
	}

	want := map[string]string{
		"2024-09-04-1.md": "---\ntitle: 第一号\ntitle_en: \"\"\ndate: 2024-09-04\nsource: page.txt:11\n---\n\n" +
			"甲乙丙丁戊己庚辛甲乙丙丁2024年甲乙丙丁戊己庚辛壬癸2023年和2024年。\n\n（新华社北京9月4日电）\n",
		"2024-12-31-2.md": "---\ntitle: 第二号文件\ntitle_en: \"\"\ndate: 2024-12-31\nsource: page.txt:24\n---\n\n" +
			"子丑寅卯辰巳午未子丑寅卯辰巳午未申酉2024年:子丑寅。\n\n（新华社北京12月31日电）\n",
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"2024-09-04-1.md", "2024-12-31-2.md"}) {
		t.Fatalf("files in %s: %v (no temporary files may remain)", dir, names)
	}
	for name, content := range want {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != content {
			t.Errorf("%s =\n%s\nwant\n%s", name, got, content)
		}
	}

	wantStdout := filepath.Join(dir, "2024-09-04-1.md") + "\n" + filepath.Join(dir, "2024-12-31-2.md") + "\n"
	if stdout.String() != wantStdout {
		t.Errorf("stdout = %q, want %q", stdout.String(), wantStdout)
	}
	for _, want := range []string{input + ":11: year 2024 inferred", input + ":24: year 2024 inferred"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr does not report %q:\n%s", want, stderr.String())
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
		if !strings.HasPrefix(line, input+":") {
			t.Errorf("stderr line %q is not FILE:LINE: message", line)
		}
	}
}

func TestRunRefusesToOverwrite(t *testing.T) {
	input := writeInput(t, "page.txt", twoDocumentPage)
	dir := t.TempDir()
	existing := filepath.Join(dir, "2024-12-31-2.md")
	if err := os.WriteFile(existing, []byte("edited by hand\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	err := Run([]string{"-o", dir, input}, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("Run over an existing file: err = %v, want a refusal", err)
	}
	if got, _ := os.ReadFile(existing); string(got) != "edited by hand\n" {
		t.Errorf("existing file overwritten: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files written although one target exists: %v", entries)
	}

	// A second import of the same page into a fresh directory works once.
	fresh := t.TempDir()
	if err := Run([]string{"-o", fresh, input}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if err := Run([]string{"-o", fresh, input}, &stdout, &stderr); err == nil {
		t.Error("second import into the same directory succeeded")
	}
}

func TestRunYearFlag(t *testing.T) {
	input := writeInput(t, "page.txt", twoDocumentPage)
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if err := Run([]string{"-o", dir, "-year", "2025", input}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"2025-09-04-1.md", "2025-12-31-2.md"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	if strings.Contains(stderr.String(), "inferred") {
		t.Errorf("year inferred although -year was given: %s", stderr.String())
	}
}

func TestRunErrors(t *testing.T) {
	good := writeInput(t, "page.txt", twoDocumentPage)
	tied := writeInput(t, "tied.txt", page("甲乙丙丁戊己庚辛", "2023年和2024年。", "（新华社北京9月4日电）", "题"))
	noYear := writeInput(t, "noyear.txt", page("甲乙丙丁戊己庚辛", "甲乙丙。", "（新华社北京9月4日电）", "题"))
	noDay := writeInput(t, "noday.txt", page("甲乙丙丁戊己庚辛", "2024年。", "（新华社北京电）", "题"))
	badDate := writeInput(t, "baddate.txt", page("甲乙丙丁戊己庚辛", "2025年。", "（新华社北京2月30日电）", "题"))
	invalid := writeInput(t, "invalid.txt", "甲\n\xff\n")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no file", []string{}, "exactly one FILE"},
		{"two files", []string{good, good}, "exactly one FILE"},
		{"year not a number", []string{"-year", "MMXXV", good}, "not a four-digit year"},
		{"year too short", []string{"-year", "25", good}, "not a four-digit year"},
		{"unknown flag", []string{"-x", good}, "flag provided but not defined"},
		{"missing file", []string{filepath.Join(t.TempDir(), "missing.txt")}, "no such file"},
		{"parse error carries FILE:LINE", []string{invalid}, invalid + ":2: invalid UTF-8"},
		{"tied years", []string{tied}, tied + ":7: cannot infer the year"},
		{"no year", []string{noYear}, "no year from 1900 to 2099"},
		{"dateline without a day", []string{"-year", "2025", noDay}, noDay + ":5: cannot read month and day"},
		{"impossible date", []string{badDate}, badDate + ":5: the dateline （新华社北京2月30日电） gives no valid date in 2025"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			var stdout, stderr bytes.Buffer
			err := Run(append([]string{"-o", dir}, tt.args...), &stdout, &stderr)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one containing %q", err, tt.want)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("files written despite the error: %v", entries)
			}
		})
	}
}

func TestRunHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if err := Run([]string{"-h"}, &stdout, &stderr); err != nil {
		t.Errorf("-h: %v", err)
	}
	if !strings.Contains(stderr.String(), "usage: generator import") {
		t.Errorf("-h printed %q", stderr.String())
	}
}

// TestRunSeed imports the real page and reads the files back as the rest of
// the generator does.
func TestRunSeed(t *testing.T) {
	_, docs, _ := parseSeed(t)
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if err := Run([]string{"-o", dir, seedPath}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	for i, doc := range docs {
		name := filepath.Join(dir, []string{"2025-09-04-1.md", "2025-09-04-2.md"}[i])
		content, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		rest, ok := strings.CutPrefix(string(content), "---\n")
		frontMatter, body, found := strings.Cut(rest, "\n---\n\n")
		if !ok || !found {
			t.Fatalf("%s has no front matter:\n%s", name, content)
		}
		var meta struct {
			Title   string    `yaml:"title"`
			TitleEN *string   `yaml:"title_en"`
			Date    time.Time `yaml:"date"`
			Source  string    `yaml:"source"`
		}
		if err := yaml.Unmarshal([]byte(frontMatter), &meta); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		wantSource := "000_1a856d60526b52c7.txt:" + []string{"390", "1295"}[i]
		if meta.Title != doc.Title || meta.TitleEN == nil || *meta.TitleEN != "" ||
			!meta.Date.Equal(time.Date(2025, 9, 4, 0, 0, 0, 0, time.UTC)) || meta.Source != wantSource {
			t.Errorf("%s front matter = %+v", name, meta)
		}
		if !strings.Contains(frontMatter, "\ndate: 2025-09-04\n") {
			t.Errorf("%s: date not written as a plain YAML date:\n%s", name, frontMatter)
		}
		wantBody := strings.Join(paragraphTexts(doc), "\n\n") + "\n"
		if body != wantBody {
			t.Errorf("%s body differs from the parsed paragraphs", name)
		}
	}
}

func TestContentFileQuotesFrontMatter(t *testing.T) {
	for _, title := range []string{"yes", "No", "null", "a: b", "#x", "- x", "“一带一路”", "'q'", `"dq"`, "1.5", "2025-09-04", "中华人民共和国（2025－2029年）"} {
		doc := Document{Title: title, TitleLine: 7, Paragraphs: []Paragraph{{Text: "正文。", Line: 1}, {Text: "（新华社北京9月4日电）", Line: 5}}}
		content, err := contentFile(doc, civilDate{2025, 9, 4}, "a: b.txt:7")
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(content), "\n")
		if len(lines) != 11 || lines[0] != "---" || lines[5] != "---" || lines[10] != "" {
			t.Fatalf("title %q: unexpected layout:\n%s", title, content)
		}
		var meta map[string]any
		if err := yaml.Unmarshal([]byte(strings.Join(lines[1:5], "\n")), &meta); err != nil {
			t.Fatalf("title %q: %v\n%s", title, err, content)
		}
		if meta["title"] != title || meta["title_en"] != "" || meta["source"] != "a: b.txt:7" {
			t.Errorf("title %q read back as %#v", title, meta)
		}
	}
}
