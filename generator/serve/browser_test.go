package serve

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"statements/generator/internal/testenv"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// browserTab opens a headless Chromium with a fresh profile, closed when the test ends.
func browserTab(t *testing.T, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	alloc, cancelAlloc := testenv.NewAllocator(context.Background(), testenv.ChromiumOrSkip(t), t.TempDir(), append([]chromedp.ExecAllocatorOption{chromedp.WindowSize(1000, 700)}, extra...)...)
	ctx, cancelTab := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil { // starts the browser, with no time limit
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx
}

// until evaluates a JavaScript condition in the tab until it is true; a
// page reloading in between is no error.
func until(t *testing.T, ctx context.Context, what, cond string) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		ectx, cancel := context.WithTimeout(ctx, time.Second)
		ok, err := chromedp.Run(ectx, chromedp.Evaluate[bool](cond))
		cancel()
		if err == nil && ok {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s: still not true after %v: %s", what, wait, cond)
}

func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// An open page updates itself in place after an edit of it, keeping the
// reader's place and what its scripts add; is left alone after an edit
// of another page; reloads after an edit of a script it runs; shows a
// build error over the page, and clears it when it is fixed; swaps a
// changed stylesheet without reloading.
func TestBrowserReloads(t *testing.T) {
	t.Run("fonts as installed", func(t *testing.T) { checkReloads(t, browserTab(t)) })
	// A machine without CJK fonts sets the text in fallback fonts, in lines
	// of other lengths: the reader's place must be kept all the same.
	t.Run("without CJK fonts", func(t *testing.T) {
		checkReloads(t, browserTab(t, chromedp.Env("FONTCONFIG_FILE="+fontsWithoutCJK(t))))
	})
}

// fontsWithoutCJK writes a fontconfig file that has the machine's font
// directories but those of CJK fonts.
func fontsWithoutCJK(t *testing.T) string {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n")
	filepath.WalkDir("/usr/share/fonts", func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && !strings.Contains(strings.ToLower(p), "cjk") && !strings.Contains(p, "noto") {
			entries, _ := os.ReadDir(p)
			for _, e := range entries {
				if !e.IsDir() {
					fmt.Fprintf(&b, "  <dir>%s</dir>\n", p)
					break
				}
			}
		}
		return nil
	})
	fmt.Fprintf(&b, "  <cachedir>%s</cachedir>\n</fontconfig>\n", filepath.Join(dir, "cache"))
	file := filepath.Join(dir, "fonts.conf")
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

func checkReloads(t *testing.T, ctx context.Context) {
	// Under the strictest policy the pages may carry: scripts and styles
	// from the site only, nothing inline.
	dir := copySite(t)
	base := filepath.Join(dir, "layouts", "base.html")
	layout, err := os.ReadFile(base)
	if err != nil || !strings.Contains(string(layout), "<head>") {
		t.Fatalf("layouts/base.html: no <head> (%v)", err)
	}
	const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'">`
	os.WriteFile(base, []byte(strings.Replace(string(layout), "<head>", "<head>\n"+csp, 1)), 0o644)
	h := start(t, dir)
	if _, body := h.get(cubaPage); !strings.Contains(body, csp) {
		t.Fatal("the page does not carry the test's Content-Security-Policy")
	}
	connected := `document.documentElement.dataset.devReload === "connected"`
	if err := chromedp.Do(ctx, chromedp.Navigate(h.ts.URL+cubaPage)); err != nil {
		t.Fatal(err)
	}
	until(t, ctx, "the reload script connects", connected)

	// An edit: the page updates itself in place (no reload: devMark stays),
	// at the same place: the block at the top of the window stays there,
	// though the edit (and the fonts the machine has) may change the height
	// of the text above it. Its scripts run again on the new text: the copy
	// buttons site.js adds are there again, once each.
	eval[any](t, ctx, `window.scrollTo(0, 900); window.devMark = 1`)
	const copyButtons = `document.querySelectorAll("button.copy").length`
	buttons := eval[float64](t, ctx, copyButtons)
	if buttons == 0 {
		t.Fatal("site.js added no copy buttons")
	}
	if y := eval[float64](t, ctx, `window.scrollY`); y < 100 {
		t.Logf("the page is short: scrolled to %v only", y)
	}
	const topBlock = `(() => { for (const el of document.querySelectorAll('main [id]')) { const top = el.getBoundingClientRect().top; if (top >= 0) return [el.id, top]; } return ["", 0]; })()`
	before := eval[[]any](t, ctx, topBlock)
	h.write(cuba, paragraphEdit(t, h.read(cuba), "BROWSER-EDIT"))
	until(t, ctx, "the page updates in place with the edit",
		`window.devMark === 1 && document.documentElement.dataset.devAction === "updated" && document.body.innerText.includes("BROWSER-EDIT")`)
	until(t, ctx, "site.js runs again on the new text", copyButtons+` === `+strconv.FormatFloat(buttons, 'f', -1, 64))
	until(t, ctx, "the reader's place is kept", `(() => { const el = document.getElementById(`+jsString(before[0].(string))+`); return !!el && Math.abs(el.getBoundingClientRect().top - `+strconv.FormatFloat(before[1].(float64), 'f', -1, 64)+`) < 2 })()`)

	// An edit of another document: this page is left as it is.
	other := "content/documents/china-pakistan-action-plan-2025-2029.md"
	build := eval[string](t, ctx, `document.documentElement.dataset.devBuild`)
	eval[any](t, ctx, `document.body.dataset.devUntouched = "1"`)
	h.write(other, paragraphEdit(t, h.read(other), "OTHER-EDIT"))
	until(t, ctx, "the page hears of the rebuild", `document.documentElement.dataset.devBuild !== `+jsString(build))
	if got := eval[string](t, ctx, `document.documentElement.dataset.devAction + " " + (document.body.dataset.devUntouched || "") + " " + window.devMark`); got != "kept 1 1" {
		t.Errorf("after an edit of another document: action, body mark, page mark %q, want \"kept 1 1\"", got)
	}

	// An edit of a script the page runs: it reloads.
	h.write("static/site.js", h.read("static/site.js")+"\n// edited\n")
	until(t, ctx, "the page reloads for its script", `window.devMark === undefined && document.readyState === "complete"`)
	until(t, ctx, "the reloaded page connects", connected)

	// At a #fragment: an update keeps the reader at it.
	id := eval[string](t, ctx, `(() => { const ids = [...document.querySelectorAll("main [id]")]; return ids[Math.floor(ids.length / 2)].id })()`)
	if err := chromedp.Do(ctx, chromedp.Navigate(h.ts.URL+cubaPage+"#"+id)); err != nil {
		t.Fatal(err)
	}
	until(t, ctx, "the reload script connects", connected)
	at := `Math.round(document.getElementById(` + jsString(id) + `).getBoundingClientRect().top)`
	top := eval[float64](t, ctx, at)
	eval[any](t, ctx, `window.devMark = 1`)
	h.write(cuba, paragraphEdit(t, h.read(cuba), "FRAGMENT-EDIT"))
	until(t, ctx, "the page updates with the edit",
		`window.devMark === 1 && document.body.innerText.includes("FRAGMENT-EDIT")`)
	until(t, ctx, "the fragment stays in the URL and in view",
		`location.hash === `+jsString("#"+id)+` && Math.abs(`+at+` - `+strconv.FormatFloat(top, 'f', -1, 64)+`) < 2`)

	// A broken file: the overlay, with the message, and no reload.
	eval[any](t, ctx, `window.devMark = 2`)
	good := h.read(cuba)
	broken, want := cubaBreak(t, good)
	h.write(cuba, broken)
	until(t, ctx, "the error overlay shows the message",
		`(() => { const o = document.querySelector('[role=alertdialog]'); return !!o && o.textContent.includes(`+jsString(want)+`) })()`)
	if eval[float64](t, ctx, `window.devMark`) != 2 {
		t.Error("the page reloaded on a failed build")
	}
	if pos := eval[string](t, ctx, `getComputedStyle(document.querySelector('[role=alertdialog]')).position`); pos != "fixed" {
		t.Errorf("the overlay's position is %q, want fixed: its styles did not apply", pos)
	}
	font := eval[string](t, ctx, `getComputedStyle(document.querySelector('[role=alertdialog] pre')).fontFamily`)
	if !strings.Contains(font, "monospace") {
		t.Errorf("the message's font is %q, want monospace", font)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
	until(t, ctx, "Escape closes the overlay", `document.querySelector('[role=alertdialog]') === null`)

	// A page opened while the site is broken shows the error too.
	if err := chromedp.Do(ctx, chromedp.Navigate(h.ts.URL+"/")); err != nil {
		t.Fatal(err)
	}
	until(t, ctx, "a page opened while broken shows the error",
		`(() => { const o = document.querySelector('[role=alertdialog]'); return !!o && o.textContent.includes(`+jsString(want)+`) })()`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[role=alertdialog] button`))); err != nil {
		t.Fatal(err)
	}
	until(t, ctx, "the close button closes the overlay", `document.querySelector('[role=alertdialog]') === null`)
	h.write(cuba, strings.Replace(broken, "五、古方重申", "三、古方重申", 1)) // broken another way
	until(t, ctx, "a new error shows again", `document.querySelector('[role=alertdialog]') !== null`)

	// Fixed: the overlay goes, without a reload.
	eval[any](t, ctx, `window.devMark = 3`)
	build = eval[string](t, ctx, `document.documentElement.dataset.devBuild || ""`)
	h.write(cuba, strings.Replace(good, "FRAGMENT-EDIT", "FIXED-EDIT", 1))
	until(t, ctx, "the fix clears the overlay",
		`document.documentElement.dataset.devBuild !== `+jsString(build)+` && document.querySelector('[role=alertdialog]') === null`)
	if eval[float64](t, ctx, `window.devMark`) != 3 {
		t.Error("the page reloaded after the fix")
	}

	// Only the stylesheet: swapped in place, no reload.
	eval[any](t, ctx, `window.devMark = 4`)
	h.write("static/site.css", h.read("static/site.css")+"\nhtml { --dev-reload-test: 1; }\n")
	until(t, ctx, "the new stylesheet applies",
		`getComputedStyle(document.documentElement).getPropertyValue("--dev-reload-test").trim() === "1"`)
	if eval[float64](t, ctx, `window.devMark`) != 4 {
		t.Error("the page reloaded for a stylesheet change")
	}
}

// jsString is s as a JavaScript string literal.
func jsString(s string) string {
	j, _ := json.Marshal(s)
	return string(j)
}
