package markdown_test

import (
	"bytes"
	"slices"
	"statements/generator/i18n/i18ntest"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"

	"statements/generator/html"
	"statements/generator/markdown"
)

// renderedText renders one escaped line as an anchored paragraph and returns the paragraph's text.
func renderedText(t testing.TB, line string) string {
	var out bytes.Buffer
	if err := html.NewMarkdown(i18ntest.Words(t, "zh-Hans")).Convert([]byte(markdown.Escape(line)+" {#x}\n"), &out); err != nil {
		t.Fatal(err)
	}
	doc, err := xhtml.Parse(&out)
	if err != nil {
		t.Fatal(err)
	}
	var p *xhtml.Node
	var find func(*xhtml.Node)
	find = func(n *xhtml.Node) {
		if p == nil && n.Type == xhtml.ElementNode && n.Data == "p" {
			p = n
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	if p == nil {
		t.Fatalf("no paragraph rendered for %q: %s", line, out.String())
	}
	var text strings.Builder
	var collect func(*xhtml.Node)
	collect = func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode {
			text.WriteString(n.Data)
		}
		if isSelfLink(n) {
			return // the block's ¶ ends its paragraph: a control, not its text
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			collect(c)
		}
	}
	collect(p)
	return text.String()
}

// publishable reports whether s could be one paragraph of a content file.
func publishable(s string) bool {
	if !utf8.ValidString(s) || strings.TrimSpace(s) != s || s == "" {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) || r == '\uFEFF' || r == utf8.RuneError || unicode.IsSpace(r) && r != ' ' {
			return false
		}
	}
	return true
}

var escapeSeeds = []string{
	"四、古方重申无条件恪守一个中国原则。",
	"1.发挥高层引领作用。", "1)甲", "- 列表", "+ 列表", "# 标题", "> 引用", "---", "===", "***",
	"*强调* _强调_ **粗体** `代码` [链接](http://x) ![图](x.png) <b>粗</b> <http://x.org>",
	"&amp; &copy; &#x4e2d; \\ 反斜杠 \\* 已转义", "甲 {#id} 乙", "{#id}", "甲 {.class}",
	"A/RES/2758 (XXVI)", "“5Es”（出口、数字、环境、能源和公平赋权）", "5G、云计算", "a  b", "甲\\",
	"1.5亿", "|a|b|", "~~删除~~", "<!-- 注释 -->", "<script>alert(1)</script>", "[^1]", "[a]: http://x",
}

func TestEscapeRoundTrip(t *testing.T) {
	for _, s := range escapeSeeds {
		if got := renderedText(t, s); got != s {
			t.Errorf("Escape(%q) renders as %q", s, got)
		}
	}
}

func FuzzEscape(f *testing.F) {
	for _, s := range escapeSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !publishable(s) {
			t.Skip()
		}
		if got := renderedText(t, s); got != s {
			t.Errorf("Escape(%q) renders as %q", s, got)
		}
	})
}

// isSelfLink reports whether n is a block's self-link, <a class="self">.
func isSelfLink(n *xhtml.Node) bool {
	if n.Type != xhtml.ElementNode || n.Data != "a" {
		return false
	}
	for _, a := range n.Attr {
		if a.Key == "class" && slices.Contains(strings.Fields(a.Val), "self") {
			return true
		}
	}
	return false
}
