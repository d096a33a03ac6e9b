package browsertest

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// box is where an element is and how it looks, as the browser laid it out.
type box struct {
	Found                 bool
	Top, Bottom           float64
	Left, Right           float64
	Width, Height         float64 // the viewport's
	Target                bool    // it matches :target
	Background, BodyColor string  // computed background colours
}

func (tb *tab) box(id string) box {
	tb.t.Helper()
	var b box
	tb.eval(fmt.Sprintf(`(() => {
		const e = document.getElementById(%q);
		if (!e) return {Found: false};
		const r = e.getBoundingClientRect();
		return {Found: true, Top: r.top, Bottom: r.bottom, Left: r.left, Right: r.right,
			Width: innerWidth, Height: innerHeight, Target: e.matches(":target"),
			Background: getComputedStyle(e).backgroundColor,
			BodyColor: getComputedStyle(document.body).backgroundColor};
	})()`, id), &b)
	return b
}

func (b box) inViewport() bool {
	return b.Top >= 0 && b.Left >= 0 && b.Bottom <= b.Height && b.Right <= b.Width
}

// transparent reports whether a computed colour is fully transparent.
func transparent(c string) bool {
	return c == "transparent" || strings.HasPrefix(c, "rgba(") && strings.HasSuffix(c, ", 0)")
}

// A link to a clause scrolls to it and highlights it, with and without JavaScript.
func TestClauseLink(t *testing.T) {
	needBrowser(t)
	const id = "part_1__para_5"
	for _, v := range []viewport{desktop, phone} {
		for _, js := range []bool{true, false} {
			t.Run(fmt.Sprintf("%v/javascript=%v", v, js), func(t *testing.T) {
				tb := newTab(t, v)
				if !js {
					tb.disableScripts()
				}
				tb.open("/china-pakistan-action-plan-2025-2029/#" + id)
				tb.waitFor(fmt.Sprintf(`(r => r.top >= 0 && r.bottom <= innerHeight)(document.getElementById(%q).getBoundingClientRect())`, id))
				b := tb.box(id)
				switch {
				case !b.Found:
					t.Fatalf("no element #%s", id)
				case !b.inViewport():
					t.Errorf("#%s is at top %.0f bottom %.0f left %.0f right %.0f, outside the %.0f×%.0f viewport", id, b.Top, b.Bottom, b.Left, b.Right, b.Width, b.Height)
				}
				var tools bool
				tb.eval(`document.querySelector("span.tools") !== null`, &tools)
				if tools == !js {
					t.Fatalf("copy buttons present: %v, want %v (is JavaScript off when it should be?)", tools, js)
				}
				if !b.Target {
					t.Errorf("#%s does not match :target", id)
				}
				if transparent(b.Background) || b.Background == b.BodyColor {
					t.Errorf("#%s is not highlighted: background %s, body %s", id, b.Background, b.BodyColor)
				}
			})
		}
	}
}

// The link forms that circulate in citations end on the clause.
func TestOldURLForms(t *testing.T) {
	needBrowser(t)
	for _, c := range []struct{ from, path, hash string }{
		{"/china-cuba-joint-statement-2025/#4", "/china-cuba-joint-statement-2025/", "#para_4"},
		{"/china-pakistan-action-plan-2025-2029/#一、5", "/china-pakistan-action-plan-2025-2029/", "#part_1__para_5"},
		{"/china-cuba-joint-statement-2025/4/", "/china-cuba-joint-statement-2025/", "#para_4"},
	} {
		t.Run(c.from, func(t *testing.T) {
			tb := newTab(t, desktop)
			tb.open(c.from)
			want := fmt.Sprintf(`location.pathname === %q && location.hash === %q`, c.path, c.hash)
			if !tb.waitFor(want + ` && document.querySelector(":target") && document.querySelector(":target").id === ` + fmt.Sprintf("%q", c.hash[1:])) {
				var at string
				tb.eval(`location.pathname + location.hash + " (:target " + (document.querySelector(":target") || {id: "none"}).id + ")"`, &at)
				t.Errorf("ended on %s, want %s%s with that block as :target", at, c.path, c.hash)
			}
		})
	}
	t.Run("index.html", func(t *testing.T) {
		tb := newTab(t, desktop)
		tb.open("/china-cuba-joint-statement-2025/para_4/index.html")
		var got struct{ Path, Body, H1 string }
		tb.eval(`({Path: location.pathname, Body: document.body.className,
			H1: document.querySelector("h1").textContent})`, &got)
		if got.Path != "/china-cuba-joint-statement-2025/para_4/index.html" || got.Body != "clause" || got.H1 != "中古联合声明 四" {
			t.Errorf("got %+v, want the clause page of 四 at …/para_4/index.html", got)
		}
	})
}

// A nested clause's page names the part it belongs to, above its title
// and in its breadcrumb, each a link to the part's page (and is readable,
// and those links followable, without JavaScript).
func TestNestedClausePage(t *testing.T) {
	needBrowser(t)
	const doc, part = "/china-pakistan-action-plan-2025-2029/", "/china-pakistan-action-plan-2025-2029/part_2/"
	for _, v := range []viewport{phone, desktop} {
		tb := newTab(t, v)
		tb.disableScripts()
		tb.open(doc + "part_2__para_5/")
		var got struct {
			Heading, HeadingLink string
			Crumbs, CrumbLinks   []string
			HeadingAboveTitle    bool
		}
		tb.eval(`(() => {
			const h = document.querySelector(".part-heading a"), title = document.querySelector("h1.clause-title");
			const crumbs = [...document.querySelectorAll("nav.crumbs li")];
			return {Heading: h ? h.textContent : "", HeadingLink: h ? new URL(h.href).pathname : "",
				Crumbs: crumbs.map(li => li.textContent), CrumbLinks: crumbs.map(li => li.querySelector("a") ? new URL(li.querySelector("a").href).pathname : ""),
				HeadingAboveTitle: !!(h && title && h.compareDocumentPosition(title) & Node.DOCUMENT_POSITION_FOLLOWING)};
		})()`, &got)
		if !strings.HasPrefix(got.Heading, "二、共建") || got.HeadingLink != part || !got.HeadingAboveTitle {
			t.Errorf("%v: part heading %q linking to %q (above the title: %v), want 二、共建… linking to %s", v, got.Heading, got.HeadingLink, got.HeadingAboveTitle, part)
		}
		wantCrumbs, wantLinks := []string{"首页", "中巴行动计划", "二", "二、5"}, []string{"/", doc, part, ""}
		if !slices.Equal(got.Crumbs, wantCrumbs) || !slices.Equal(got.CrumbLinks, wantLinks) {
			t.Errorf("%v: breadcrumb %q linking to %q, want %q linking to %q", v, got.Crumbs, got.CrumbLinks, wantCrumbs, wantLinks)
		}
	}
}
