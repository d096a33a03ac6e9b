package browsertest

import (
	"net/url"
	"slices"
	"statements/generator/internal/testenv"
	"strings"
	"testing"
)

// blocksContaining lists the anchor of every block whose text contains s,
// as search results link them: /<document>/#<eid>.
func blocksContaining(t *testing.T, s string) []string {
	t.Helper()
	var found []string
	for _, r := range testenv.BlocksContaining(t, siteDir, s) {
		found = append(found, "/"+r.Document+"/#"+r.EID)
	}
	return found
}

// searchResults opens /search/?q=query and returns the anchors the results
// link to, the highlighted texts, and the status line, once the index has loaded.
func searchResults(t *testing.T, query string) (links, marks []string, status string) {
	t.Helper()
	tb := openTab(t, desktop, "/search/?q="+url.QueryEscape(query))
	if !tb.waitFor(`(s => s && !s.startsWith("正在载入"))(document.querySelector(".search-status").textContent)`) {
		t.Fatalf("search for %q: the results never appeared", query)
	}
	tb.eval(`[...document.querySelectorAll(".search-results a.hit")].map(a => new URL(a.href).pathname + new URL(a.href).hash)`, &links)
	tb.eval(`[...document.querySelectorAll(".search-results mark")].map(m => m.textContent)`, &marks)
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
