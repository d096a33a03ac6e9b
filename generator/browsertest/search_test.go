package browsertest

import (
	"encoding/json"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"statements/generator/export"
	"statements/generator/internal/testenv"
	"strings"
	"testing"
)

// blocksContaining lists the page of every block whose text contains s,
// as search results link them: /<document>/<eid>/.
func blocksContaining(t *testing.T, s string) []string {
	t.Helper()
	var found []string
	for _, r := range testenv.BlocksContaining(t, siteDir, s) {
		found = append(found, "/"+r.Document+"/"+r.EID+"/")
	}
	return found
}

// searchResults opens /search/?q=query and returns the anchors the results
// link to, the highlighted texts, and the status line, once the index has
// loaded and every page of results is shown (the "more" button pressed
// until it is gone).
func searchResults(t *testing.T, query string) (links, marks []string, status string) {
	t.Helper()
	tb := openTab(t, desktop, "/search/?q="+url.QueryEscape(query))
	if !tb.waitFor(`document.querySelector("article.search").dataset.shown === ` + jsString(strings.TrimSpace(query))) {
		t.Fatalf("search for %q: the results never appeared", query)
	}
	for {
		var shown int
		tb.eval(`document.querySelector(".search-more") ? document.querySelectorAll(".search-results li").length : -1`, &shown)
		if shown < 0 {
			break
		}
		tb.eval(`document.querySelector(".search-more").click(), true`, nil)
		if !tb.waitFor(fmt.Sprintf(`document.querySelectorAll(".search-results li").length > %d`, shown)) {
			t.Fatalf("search for %q: the button showed no more", query)
		}
	}
	tb.eval(`[...document.querySelectorAll(".search-results section:not(.search-themes):not(.search-documents):not(.search-numbers) a.hit")].map(a => new URL(a.href).pathname)`, &links)
	tb.eval(`[...document.querySelectorAll(".search-results section:not(.search-themes):not(.search-documents):not(.search-numbers) mark")].map(m => m.textContent)`, &marks)
	tb.eval(`document.querySelector(".search-status").textContent`, &status)
	return links, marks, status
}

// TestSearch: a query finds exactly the blocks whose text contains it, in
// both documents, highlighting the match, whatever width or script forms
// the reader types it in; a query with no hits says so.
func TestSearch(t *testing.T) {
	tests := []struct{ query, text string }{
		{"一带一路", "一带一路"},
		{"2758", "2758"},
		{"数据安全", "数据安全"},
		{"中巴经济走廊", "中巴经济走廊"},
		{"一帶一路", "一带一路"},         // traditional characters
		{"２７５８", "2758"},         // full-width digits
		{"  中巴 经济走廊 ", "中巴经济走廊"}, // spaces typed around and inside
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			want := blocksContaining(t, tt.text)
			if len(want) == 0 {
				t.Fatalf("no block contains %q: the test data is wrong", tt.text)
			}
			links, marks, status := searchResults(t, tt.query)
			slices.Sort(links)
			slices.Sort(want)
			if !slices.Equal(links, want) {
				t.Errorf("results link to %v\nwant the blocks containing %q: %v", links, tt.text, want)
			}
			for _, m := range marks {
				if m != tt.text {
					t.Errorf("highlighted %q, want %q", m, tt.text)
				}
			}
			if !strings.Contains(status, "见于") {
				t.Errorf("status %q does not say how many blocks were found", status)
			}
		})
	}
	t.Run("no hits", func(t *testing.T) {
		links, _, status := searchResults(t, "不存在的词语")
		if len(links) != 0 || !strings.Contains(status, "没有找到") {
			t.Errorf("results %v, status %q; want none and a message saying so", links, status)
		}
	})
}

// TestSearchAsYouType: typing updates the results and the address, so a search can be shared.
func TestSearchAsYouType(t *testing.T) {
	tb := openTab(t, desktop, "/search/")
	if !tb.waitFor(`document.querySelector(".search-status").textContent === ""`) {
		t.Fatal("the index never loaded")
	}
	tb.eval(`(() => { const q = document.querySelector("#q"); q.value = "瓜达尔港"; q.dispatchEvent(new Event("input")); return true })()`, nil)
	if !tb.waitFor(`document.querySelectorAll(".search-results a.hit").length > 0`) {
		t.Fatal("typing found nothing")
	}
	var q string
	tb.eval(`new URL(location.href).searchParams.get("q")`, &q)
	if q != "瓜达尔港" {
		t.Errorf("the address holds q=%q, want the query", q)
	}
}

// TestSearchWithoutJavaScript: the page says how to search instead.
func TestSearchWithoutJavaScript(t *testing.T) {
	tb := newTab(t, desktop)
	tb.disableScripts()
	tb.open("/search/?q=" + url.QueryEscape("一带一路"))
	var help string
	tb.eval(`(e => e && getComputedStyle(e).display !== "none" ? e.textContent : "")(document.querySelector(".nojs"))`, &help)
	if !strings.Contains(help, "查找") {
		t.Errorf("without JavaScript the search page shows %q, not how to search", help)
	}
}

// jsString is s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// sectionLinks are the paths the links of one section of the results lead to.
func sectionLinks(t *testing.T, tb *tab, section string) []string {
	t.Helper()
	var links []string
	tb.eval(`[...document.querySelectorAll(".search-results `+section+` a.hit")].map(a => new URL(a.href).pathname)`, &links)
	return links
}

// searched opens /search/?q=query and waits for its results.
func searched(t *testing.T, query string) *tab {
	t.Helper()
	tb := openTab(t, desktop, "/search/?q="+url.QueryEscape(query))
	if !tb.waitFor(`document.querySelector("article.search").dataset.shown === ` + jsString(strings.TrimSpace(query))) {
		t.Fatalf("search for %q: the results never appeared", query)
	}
	return tb
}

// TestSearchNamesAndNumbers: themes are found by their English names and
// aliases, documents by their titles, clauses by their numbers written as
// readers write them; these come before the clauses whose text holds the query.
func TestSearchNamesAndNumbers(t *testing.T) {
	const cuba, pakistan = "/china-cuba-joint-statement-2025/", "/china-pakistan-action-plan-2025-2029/"
	tests := []struct{ query, section, want string }{
		{"Belt and Road", ".search-themes", "/themes/belt-and-road-initiative/"},
		{"belt and road initiative", ".search-themes", "/themes/belt-and-road-initiative/"},
		{"Resolution 2758", ".search-themes", "/themes/un-resolution-2758/"},
		{"CPEC", ".search-themes", "/themes/belt-and-road-initiative/"},
		{"Taiwan", ".search-themes", "/themes/one-china-principle/"},
		{"一带一路", ".search-themes", "/themes/belt-and-road-initiative/"},
		{"行动计划", ".search-documents", pakistan},
		{"古巴共和国", ".search-documents", cuba},
		{"一、5", ".search-numbers", pakistan + "part_1__para_5/"},
		{"第一部分第5项", ".search-numbers", pakistan + "part_1__para_5/"},
		{"第四条", ".search-numbers", cuba + "para_4/"},
		{"四", ".search-numbers", cuba + "para_4/"},
		{"part_2__para_3", ".search-numbers", pakistan + "part_2__para_3/"},
		{"序言第3段", ".search-numbers", cuba + "preamble__p_3/"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			tb := searched(t, tt.query)
			if links := sectionLinks(t, tb, tt.section); !slices.Contains(links, tt.want) {
				t.Errorf("%s links to %v, want %s", tt.section, links, tt.want)
			}
			var order []string
			tb.eval(`[...document.querySelectorAll(".search-results > section")].map(s => s.className)`, &order)
			if i := slices.IndexFunc(order, func(c string) bool { return c == "search-group" }); i >= 0 && i < slices.Index(order, "search-group "+tt.section[1:]) {
				t.Errorf("sections in the order %v: names and numbers should come first", order)
			}
		})
	}
	t.Run("no hits", func(t *testing.T) {
		tb := searched(t, "Atlantis")
		var status string
		tb.eval(`document.querySelector(".search-status").textContent`, &status)
		var n int
		tb.eval(`document.querySelectorAll(".search-results a").length`, &n)
		if n != 0 || !strings.Contains(status, "没有找到") {
			t.Errorf("%d links, status %q; want none and a message saying so", n, status)
		}
	})
}

// TestSearchPunctuationBlind: hyphens, dashes and middle dots are not seen,
// in the query or the text.
func TestSearchPunctuationBlind(t *testing.T) {
	for _, tt := range []struct{ query, text string }{
		{"迪亚斯卡内尔", "迪亚斯-卡内尔"},
		{"迪亚斯—卡内尔", "迪亚斯-卡内尔"},
		{"中国-拉共体", "中国—拉共体"},
		{"中国拉共体", "中国—拉共体"},
		{"夏巴兹谢里夫", "夏巴兹·谢里夫"},
		{"夏巴兹・谢里夫", "夏巴兹·谢里夫"},
	} {
		t.Run(tt.query, func(t *testing.T) {
			want := blocksContaining(t, tt.text)
			links, marks, _ := searchResults(t, tt.query)
			slices.Sort(links)
			slices.Sort(want)
			if len(want) == 0 || !slices.Equal(links, want) {
				t.Errorf("results link to %v, want the blocks containing %q: %v", links, tt.text, want)
			}
			for _, m := range marks {
				if m != tt.text {
					t.Errorf("marked %q, want %q", m, tt.text)
				}
			}
		})
	}
}

// TestSearchMarksAndLinks: every match in a result is marked, the count
// said, and the result links to the clause's own page with a text fragment
// of the match.
func TestSearchMarksAndLinks(t *testing.T) {
	const query = "中巴"
	tb := searched(t, query)
	var items []struct {
		Href  string
		Marks []string
		Text  string
	}
	tb.eval(`[...document.querySelectorAll(".search-results section.search-group:not(.search-themes):not(.search-documents):not(.search-numbers) li")].map(li => ({
		Href: li.querySelector("a.hit").href,
		Marks: [...li.querySelectorAll("mark")].map(m => m.textContent),
		Text: li.textContent}))`, &items)
	if len(items) == 0 {
		t.Fatal("no results")
	}
	several := 0
	for _, it := range items {
		u, err := url.Parse(it.Href)
		if err != nil {
			t.Fatal(err)
		}
		if u.Fragment != ":~:text="+query && u.EscapedFragment() != ":~:text="+url.PathEscape(query) {
			t.Errorf("%s: the link has no text fragment of %q", it.Href, query)
		}
		for _, m := range it.Marks {
			if m != query {
				t.Errorf("%s: marked %q", it.Href, m)
			}
		}
		if n := len(it.Marks); n > 1 {
			several++
			if !strings.Contains(it.Text, fmt.Sprintf("（%d 处）", n)) {
				t.Errorf("%s: %d marks, but the count says otherwise: %s", it.Href, n, it.Text)
			}
		}
	}
	if several == 0 {
		t.Errorf("no result marks more than one match of %q; the test needs one", query)
	}
}

// TestSearchPages: a common word shows a first page of results with the
// total, and a button that shows more.
func TestSearchPages(t *testing.T) {
	const query = "合作"
	want := len(blocksContaining(t, query))
	tb := searched(t, query)
	count := func() (n int) {
		tb.eval(`document.querySelectorAll(".search-results section.search-group:not(.search-themes):not(.search-documents):not(.search-numbers) li").length`, &n)
		return n
	}
	var status string
	tb.eval(`document.querySelector(".search-status").textContent`, &status)
	if !strings.Contains(status, fmt.Sprint(want)) {
		t.Errorf("status %q does not give the total, %d", status, want)
	}
	var size int
	tb.eval(`Number(document.querySelector("article.search").dataset.page)`, &size)
	if size < 5 || want <= size {
		t.Fatalf("a page of %d results, for %d hits: the test needs a query with more hits than a page", size, want)
	}
	if n := count(); n != size {
		t.Fatalf("%d results on the first page, want %d of %d", n, size, want)
	}
	tb.eval(`document.querySelector(".search-more").click(), true`, nil)
	if !tb.waitFor(fmt.Sprintf(`document.querySelectorAll(".search-results li").length > %d`, size)) {
		t.Fatal("the button showed no more")
	}
	if n := count(); n != min(2*size, want) {
		t.Errorf("%d results after one click, want %d", n, min(2*size, want))
	}
}

// TestSearchSnippetsWholeWords: on the English search page the text shown
// around a match is cut between words, never inside one (…ation, and).
func TestSearchSnippetsWholeWords(t *testing.T) {
	needBrowser(t)
	var texts []string
	var index export.Index
	testenv.ReadJSON(t, filepath.Join(siteDir, "data", "index.json"), &index)
	for _, d := range index.Documents {
		var doc export.Document
		testenv.ReadJSON(t, filepath.Join(siteDir, "data", d.Slug+".json"), &doc)
		for _, b := range doc.Blocks {
			for _, tr := range b.Translations {
				texts = append(texts, tr.Text)
			}
		}
	}
	word := func(s string, i int) bool { // is s[i] a letter or digit?
		return i >= 0 && i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9')
	}
	// whole is whether some text holds seg with no word running on at either side.
	whole := func(seg string) bool {
		for _, text := range texts {
			for at := 0; ; {
				i := strings.Index(text[at:], seg)
				if i < 0 {
					break
				}
				i += at
				if !(word(text, i-1) && word(seg, 0)) && !(word(text, i+len(seg)) && word(seg, len(seg)-1)) {
					return true
				}
				at = i + 1
			}
		}
		return false
	}
	for _, query := range []string{"Belt and Road", "cooperation", "Gwadar"} {
		tb := openTab(t, desktop, "/en/search/?q="+url.QueryEscape(query))
		if !tb.waitFor(`document.querySelector("article.search").dataset.shown === ` + jsString(query)) {
			t.Fatalf("search for %q: the results never appeared", query)
		}
		var snippets []string
		tb.eval(`[...document.querySelectorAll(".search-results p.snippet")].map(p => p.textContent)`, &snippets)
		if len(snippets) == 0 {
			t.Errorf("%q: no snippets", query)
		}
		for _, s := range snippets {
			for _, seg := range strings.Split(s, "…") {
				if seg != "" && !whole(seg) {
					t.Errorf("%q: a snippet cuts a word: %q", query, seg)
				}
			}
		}
	}
}
