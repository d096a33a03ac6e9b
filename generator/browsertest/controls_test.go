package browsertest

import (
	"testing"
)

// controlsState is what TestBlockControls reads of a page.
type controlsState struct {
	Coarse         bool
	Blocks         int      // blocks with a ¶
	TabStops       int      // focusable controls of the blocks: ¶ links and copy buttons
	SmallSelf      []string // ¶ links smaller than the size wanted
	SmallNav       []string // navigation links under 24×24 px
	MenuHidden     bool     // every block's menu is closed at first
	InText         bool     // the first block's ¶ ends its paragraph
	CopiesOnlyText bool     // selecting the block's paragraph copies no ¶
}

const readControls = `(() => {
	const coarse = matchMedia("(pointer: coarse)").matches, want = coarse ? 44 : 24;
	const selfs = [...document.querySelectorAll("article.document main div[id] a.self, article.document div[id] a.self")];
	const size = e => e.getBoundingClientRect();
	const s = {Coarse: coarse, Blocks: selfs.length,
		TabStops: [...document.querySelectorAll("article.document a.self, article.document .tools button")].filter(e => e.tabIndex >= 0 && !e.closest("[hidden]")).length,
		SmallSelf: selfs.filter(a => size(a).width < want - 0.5 || size(a).height < want - 0.5).map(a => a.hash + " " + Math.round(size(a).width) + "x" + Math.round(size(a).height)),
		SmallNav: [...document.querySelectorAll("nav.crumbs a, nav.toc li a, .prevnext a")].filter(a => size(a).width > 0 && (size(a).width < 23.5 || size(a).height < 23.5)).map(a => a.textContent + " " + Math.round(size(a).width) + "x" + Math.round(size(a).height)),
		MenuHidden: [...document.querySelectorAll("article.document .tools")].every(m => m.hidden),
		InText: !!document.querySelector("main div[id] > p:first-child > a.self")};
	const p = document.querySelector("#para_4 > p"), r = document.createRange();
	r.selectNodeContents(p);
	getSelection().removeAllRanges(); getSelection().addRange(r);
	s.CopiesOnlyText = !getSelection().toString().includes("¶");
	getSelection().removeAllRanges();
	return s;
})()`

// TestBlockControls: in a document each block has one control, its ¶ at
// the end of its text, one tab stop, at least 44×44 px under a finger and
// 24×24 px under a mouse; it opens a menu of the block's link and
// citations, which the keyboard moves through and Escape closes. Selecting
// a block's text selects no ¶. Navigation links are at least 24×24 px.
func TestBlockControls(t *testing.T) {
	needBrowser(t)
	for _, v := range []viewport{phone, desktop} {
		tb := openTab(t, v, "/china-cuba-joint-statement-2025/")
		tb.waitFor(`document.querySelector("a.self[aria-controls]")`)
		var s controlsState
		tb.eval(readControls, &s)
		if s.Coarse != v.mobile {
			t.Errorf("%v: (pointer: coarse) is %v", v, s.Coarse)
		}
		if s.Blocks < 20 || s.TabStops != s.Blocks {
			t.Errorf("%v: %d tab stops for the controls of %d blocks, want one each", v, s.TabStops, s.Blocks)
		}
		if len(s.SmallSelf) > 0 {
			t.Errorf("%v: ¶ controls too small: %v", v, s.SmallSelf)
		}
		if len(s.SmallNav) > 0 {
			t.Errorf("%v: navigation links under 24×24 px: %v", v, s.SmallNav)
		}
		if !s.MenuHidden || !s.InText || !s.CopiesOnlyText {
			t.Errorf("%v: menus closed %v, ¶ at the end of the text %v, a selection of the text copies no ¶ %v", v, s.MenuHidden, s.InText, s.CopiesOnlyText)
		}

		// The keyboard: Enter opens the menu on its first item, Down moves, Escape closes.
		tb.eval(`document.querySelector("#para_4 a.self").focus(), true`, nil)
		tb.pressEnter()
		var at struct {
			First, Expanded string
			Items           int
			Size            [2]float64
		}
		tb.eval(`(() => { const m = document.querySelector("#para_4 .tools"), b = document.activeElement.getBoundingClientRect();
			return {First: document.activeElement.dataset.copy || document.activeElement.tagName, Expanded: document.querySelector("#para_4 a.self").getAttribute("aria-expanded"),
				Items: m.querySelectorAll("[role=menuitem]").length, Size: [b.width, b.height]}; })()`, &at)
		if at.First != "link" || at.Expanded != "true" || at.Items != 3 {
			t.Errorf("%v: Enter on ¶: focus on %q, aria-expanded %q, %d menu items; want the link item, true, 3", v, at.First, at.Expanded, at.Items)
		}
		if min := map[bool]float64{true: 44, false: 24}[v.mobile]; at.Size[1] < min-0.5 {
			t.Errorf("%v: menu items %.0f px tall, want %.0f", v, at.Size[1], min)
		}
		tb.eval(`document.activeElement.dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowDown", bubbles: true})), true`, nil)
		var second string
		tb.eval(`document.activeElement.dataset.copy || ""`, &second)
		if second != "zh" {
			t.Errorf("%v: Down from the first item: focus on %q, want the Chinese citation", v, second)
		}
		tb.eval(`document.activeElement.dispatchEvent(new KeyboardEvent("keydown", {key: "Escape", bubbles: true})), true`, nil)
		defer func(v viewport) {
			// A nested clause's page: its breadcrumb (二) and previous and next links.
			tb := openTab(t, v, "/china-pakistan-action-plan-2025-2029/part_2__para_5/")
			var small []string
			tb.eval(`[...document.querySelectorAll("nav.crumbs a, .prevnext a, .part-heading a")].map(a => a.getBoundingClientRect()).filter(r => r.width < 23.5 || r.height < 23.5).map(r => Math.round(r.width) + "x" + Math.round(r.height))`, &small)
			if len(small) > 0 {
				t.Errorf("%v: navigation links of a nested clause's page under 24×24 px: %v", v, small)
			}
		}(v)
		var back struct {
			Self   bool
			Hidden bool
		}
		tb.eval(`({Self: document.activeElement === document.querySelector("#para_4 a.self"), Hidden: document.querySelector("#para_4 .tools").hidden})`, &back)
		if !back.Self || !back.Hidden {
			t.Errorf("%v: Escape: focus back on ¶ %v, menu hidden %v", v, back.Self, back.Hidden)
		}
	}
}

// sizesState is what TestControlSizesOnEveryPage reads of a page.
type sizesState struct {
	Coarse   bool
	Small    []string // controls under the size wanted
	Blocks   int      // blocks of a document with a ¶ (clauses, part headings)
	TabStops int      // focusable controls of those blocks
}

// readSizes measures, on any page, the controls a reader aims at outside
// running text: the header's and the navigation's links, previous and next,
// a part heading, a list's pager, at least 24×24 px; a block's ¶ and copy
// buttons at least 44×44 px under a finger, 24×24 under a mouse. Links
// inside sentences are exempt (WCAG 2.5.8), as are skip links, shown only on
// focus.
const readSizes = `(() => {
	const coarse = matchMedia("(pointer: coarse)").matches;
	const small = (sel, want) => [...document.querySelectorAll(sel)].filter(e => {
		const r = e.getBoundingClientRect();
		return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden" && (r.width < want - 0.5 || r.height < want - 0.5);
	}).map(e => (e.className || e.tagName) + " " + JSON.stringify(e.textContent.trim().slice(0, 12)) + " " + Math.round(e.getBoundingClientRect().width) + "x" + Math.round(e.getBoundingClientRect().height) + " < " + want);
	// A block is an element with an id holding a ¶: a clause, or a part's heading.
	const blocks = new Set([...document.querySelectorAll("article.document a.self")].map(a => a.closest("[id]")));
	return {Coarse: coarse,
		Small: small("header.site a, nav:not(.toc) a, nav.toc li a, .prevnext a, .part-heading a, .pager a", 24)
			.concat(small("a.self, .tools button", coarse ? 44 : 24)),
		Blocks: blocks.size,
		TabStops: [...document.querySelectorAll("article.document a.self, article.document .tools button")].filter(e => e.tabIndex >= 0 && !e.closest("[hidden]")).length};
})()`

// TestControlSizesOnEveryPage: on every page type, at 360 and 390 px under a
// finger and at 1280 px under a mouse, every control outside running text
// has the size TestBlockControls asks of a document's, and a document's
// blocks are one tab stop each.
func TestControlSizesOnEveryPage(t *testing.T) {
	needBrowser(t)
	for _, p := range pageTypes {
		t.Run(p.name, func(t *testing.T) {
			for _, v := range []viewport{phone, {width: 390, height: 844, mobile: true}, desktop} {
				tb := openTab(t, v, p.path)
				var s sizesState
				tb.eval(readSizes, &s)
				if s.Coarse != v.mobile {
					t.Errorf("%v: (pointer: coarse) is %v", v, s.Coarse)
				}
				for _, c := range s.Small {
					t.Errorf("%v: %s", v, c)
				}
				if s.TabStops != s.Blocks {
					t.Errorf("%v: %d tab stops for the controls of %d blocks, want one each", v, s.TabStops, s.Blocks)
				}
			}
		})
	}
}
