package browsertest

import (
	"strings"
	"testing"
)

// tocState is what TestTableOfContents reads of a document page.
type tocState struct {
	Open              bool     // the table of contents is open
	Beside            bool     // it stands left of the text, not above it
	First, Last       string   // its first and last entries' targets
	Current           []string // the targets of the entries marked aria-current
	Sideways          bool     // the page scrolls sideways
	Skips, Heads      int      // skip links, part headings
	SkipShown         bool     // a focused skip link is on screen
	SkipContents      string   // where the link past the table of contents, just before it, leads
	TopIsHeading      string   // the id of the part heading at the top of the window, if one is
	EntryWithoutWords []string // entries that have a label but no first words
}

const readTOC = `(() => {
	const nav = document.querySelector("nav.toc"), links = [...nav.querySelectorAll("li a")];
	const s = {Open: nav.querySelector("details").open,
		Beside: nav.getBoundingClientRect().right <= document.querySelector("main div[id]").getBoundingClientRect().left,
		First: links[0].hash, Last: links[links.length - 1].hash,
		Current: [...nav.querySelectorAll("[aria-current]")].map(a => a.hash),
		Sideways: document.documentElement.scrollWidth > innerWidth,
		Skips: document.querySelectorAll("a.skip-part").length, Heads: document.querySelectorAll("article h2[id]").length,
		EntryWithoutWords: links.filter(a => a.querySelector("span") && a.textContent.trim() === a.querySelector("span").textContent.trim()).map(a => a.hash)};
	const past = nav.previousElementSibling;
	s.SkipContents = past && past.matches("a.skip-contents") ? past.hash : "";
	const top = document.elementFromPoint(innerWidth / 2, 8), h = top && top.closest("h2[id]");
	s.TopIsHeading = h ? h.id : "";
	// (Last: focusing the link scrolls to it.)
	const skip = document.querySelector("a.skip-part"), y = scrollY;
	if (skip) { skip.focus(); const r = skip.getBoundingClientRect(); s.SkipShown = r.width > 0 && r.top >= 0 && r.bottom <= innerHeight; skip.blur(); scrollTo(0, y); }
	return s;
})()`

// TestTableOfContents: a document's table of contents lists every clause
// with its number and first words, from the preamble to the closing; on a
// wide screen it stands beside the text, open, and marks the clause being
// read as the reader scrolls; on a phone it is folded above the text. A
// part's heading stays at the top while its clauses scroll by, and a
// keyboard reader can skip from one part to the next.
func TestTableOfContents(t *testing.T) {
	needBrowser(t)
	const doc = "/china-pakistan-action-plan-2025-2029/"
	for _, v := range []viewport{desktop, phone} {
		tb := openTab(t, v, doc+"#part_3__para_2")
		tb.waitFor(`document.querySelector("nav.toc [aria-current]")`)
		var s tocState
		tb.eval(readTOC, &s)
		if s.First != "#preamble__p_1" || s.Last != "#conclusions" {
			t.Errorf("%v: entries from %s to %s, want from the preamble (#preamble__p_1) to the closing (#conclusions)", v, s.First, s.Last)
		}
		if len(s.EntryWithoutWords) > 0 {
			t.Errorf("%v: entries with a number and no first words: %v", v, s.EntryWithoutWords)
		}
		if s.Sideways {
			t.Errorf("%v: the page scrolls sideways", v)
		}
		if wide := v.width >= 1280; s.Open != wide || s.Beside != wide {
			t.Errorf("%v: table of contents open %v, beside the text %v; want both %v", v, s.Open, s.Beside, wide)
		}
		if len(s.Current) != 1 || !strings.HasPrefix(s.Current[0], "#part_3__para_") {
			t.Errorf("%v: at 三、2 the entries marked current are %v, want one, of part 三", v, s.Current)
		}
		if s.TopIsHeading != "part_3" {
			t.Errorf("%v: at 三、2 the top of the window shows %q, want the part's heading (part_3)", v, s.TopIsHeading)
		}
		if s.SkipContents != s.First {
			t.Errorf("%v: the link past the table of contents leads to %q, want its first entry's block %q", v, s.SkipContents, s.First)
		}
		if s.Heads < 2 || s.Skips != s.Heads-1 || !s.SkipShown {
			t.Errorf("%v: %d skip links for %d part headings (want one fewer), shown when focused %v", v, s.Skips, s.Heads, s.SkipShown)
		}
		// Further down, the mark follows.
		tb.eval(`document.getElementById("part_6__para_1").scrollIntoView(), new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))`, nil)
		tb.eval(readTOC, &s)
		if len(s.Current) != 1 || !strings.HasPrefix(s.Current[0], "#part_6__") && s.Current[0] != "#part_5" && !strings.HasPrefix(s.Current[0], "#part_5__") {
			t.Errorf("%v: scrolled to 六、1, the entries marked current are %v", v, s.Current)
		}
	}
}

// TestTableOfContentsLeavesTheTextClear: wherever the table of contents
// stands, it covers no block of the text: on the English pages, whose
// column is wider, it stays above the text at 1280 px, and goes beside
// it only on a window wide enough.
func TestTableOfContentsLeavesTheTextClear(t *testing.T) {
	needBrowser(t)
	for _, v := range []viewport{desktop, {1920, 1000, false, ""}} {
		for _, path := range []string{"/china-pakistan-action-plan-2025-2029/", "/en/china-pakistan-action-plan-2025-2029/"} {
			tb := openTab(t, v, path)
			var got struct {
				Beside  bool
				Covered []string
			}
			tb.eval(`(() => {
				const nav = document.querySelector("nav.toc"), n = nav.getBoundingClientRect();
				const covered = [...document.querySelectorAll("main div[id], main h1, main h2")].filter(e => {
					const r = e.getBoundingClientRect();
					return nav.classList.contains("beside") && r.left < n.right && r.right > n.left && r.top < n.bottom && r.bottom > n.top;
				}).map(e => e.id || e.tagName);
				return {Beside: nav.classList.contains("beside"), Covered: covered};
			})()`, &got)
			if len(got.Covered) > 0 {
				t.Errorf("%v %s: the table of contents covers %v", v, path, got.Covered)
			}
			if wantBeside := v.width >= 1920 || !strings.HasPrefix(path, "/en/"); got.Beside != wantBeside {
				t.Errorf("%v %s: beside the text %v, want %v", v, path, got.Beside, wantBeside)
			}
		}
	}
}
