package i18n

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// TestRepositoryStrings reads the repository's strings files: each is
// complete and has the others' script keys.
func TestRepositoryStrings(t *testing.T) {
	all, err := Load(os.DirFS("../../layouts"))
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"zh-Hans", "en"} {
		if all[lang] == nil || all[lang].Lang != lang {
			t.Errorf("no strings for %s", lang)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	good, err := os.ReadFile("../../layouts/strings/en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, from, to, want string
	}{
		{"unknown key", "  skip: Skip to the text\n", "  skip: Skip to the text\n  skipp: x\n", fmt.Sprintf("layouts/strings/en.yaml:%d: site.skipp: no such key", lineOf(good, "  skip:")+1)},
		{"missing key", "  skip: Skip to the text\n", "", fmt.Sprintf("layouts/strings/en.yaml:%d: site.skip: missing", lineOf(good, "site:"))},
		{"placeholder it does not take", `  prev: "Previous: {label}"`, `  prev: "Previous: {number}"`, "clause.prev: {number}: this key takes only {label}"},
		{"placeholder where none", "  skip: Skip to the text\n", "  skip: Skip {x}\n", "site.skip: {x}: this key takes no placeholders"},
		{"count", `  passages: {one: "{n} passage", other: "{n} passages"}`, `  passages: [a, b]`, "themes.passages: a count is wording"},
		{"months", "months: [January, February,", "months: [February,", "months: the twelve months' names"},
		{"empty", "  data: Data\n", "  data: \"\"\n", "site.data: wording, as a string"},
		{"script key only here", "  copy_link: Copy link\n", "  copy_link: Copy link\n  copy_all: Copy all\n", "layouts/strings/zh-Hans.yaml:"},
		{"script placeholders", `  more: "Show {n} more passages ({left} left)"`, `  more: "Show {n} more passages"`, "search_script.more: the placeholders differ"},
		{"not yaml", "lang: en\n", "lang: [en\n", "layouts/strings/en.yaml: not valid YAML"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			zh, _ := os.ReadFile("../../layouts/strings/zh-Hans.yaml")
			text := string(good)
			if !strings.Contains(text, tc.from) {
				t.Fatalf("en.yaml has no %q", tc.from)
			}
			fsys := fstest.MapFS{
				"strings/en.yaml":      {Data: []byte(strings.Replace(text, tc.from, tc.to, 1))},
				"strings/zh-Hans.yaml": {Data: zh},
			}
			_, err := Load(fsys)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want %q", err, tc.want)
			}
		})
	}
}

// lineOf is the line of text that starts with prefix.
func lineOf(text []byte, prefix string) int {
	for i, line := range strings.Split(string(text), "\n") {
		if strings.HasPrefix(line, prefix) {
			return i + 1
		}
	}
	return 0
}

func TestSub(t *testing.T) {
	for _, tc := range []struct {
		in   string
		args []any
		want string
	}{
		{"全部 {n} 份文件", []any{"n", 3}, "全部 3 份文件"},
		{"{a}{b}{a}", []any{"a", "x", "b", 2}, "x2x"},
		{"{missing} {#documents}", []any{"n", 1}, "{missing} {#documents}"},
		{"unclosed {n", []any{"n", 1}, "unclosed {n"},
	} {
		if got := Sub(tc.in, tc.args...); got != tc.want {
			t.Errorf("Sub(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := placeholders("{a} {#x} {b_c} {A}"); !reflect.DeepEqual(got, []string{"a", "b_c"}) {
		t.Errorf("placeholders = %q", got)
	}
}

func TestDateCountSort(t *testing.T) {
	all, err := Load(os.DirFS("../../layouts"))
	if err != nil {
		t.Fatal(err)
	}
	zh, en := all["zh-Hans"], all["en"]
	for _, tc := range []struct {
		s        *Strings
		iso, out string
	}{
		{zh, "2025-09-04", "2025年9月4日"}, {en, "2025-09-04", "4 September 2025"},
		{zh, "2025-12-31", "2025年12月31日"}, {en, "2025-13-01", "2025-13-01"}, {zh, "2025", "2025"},
	} {
		if got := tc.s.Date(tc.iso); got != tc.out {
			t.Errorf("%s Date(%s) = %q, want %q", tc.s.Lang, tc.iso, got, tc.out)
		}
	}
	if got := en.Browse.Documents.Of(1) + "; " + en.Browse.Documents.Of(2); got != "1 document; 2 documents" {
		t.Errorf("en documents: %q", got)
	}
	if got := zh.Browse.Documents.Of(1); got != "1 份文件" {
		t.Errorf("zh documents: %q", got)
	}
	names := []string{"“一带一路”科技", "气候变化", "全球治理倡议", "多边主义", "人工智能", "一个中国"}
	Sort(zh, names, func(s string) string { return s })
	// By pinyin: duo, qi, quan, ren, yi dai, yi ge; quotation marks do not count.
	if want := []string{"多边主义", "气候变化", "全球治理倡议", "人工智能", "“一带一路”科技", "一个中国"}; !reflect.DeepEqual(names, want) {
		t.Errorf("zh order: %q, want %q", names, want)
	}
	words := []string{"belt", "Apple", "climate", "Zebra"}
	Sort(en, words, func(s string) string { return s })
	if want := []string{"Apple", "belt", "climate", "Zebra"}; !reflect.DeepEqual(words, want) {
		t.Errorf("en order: %q", words)
	}
}
