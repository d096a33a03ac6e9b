package browsertest

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// recorder keeps what the tab reports while pages load: console errors,
// uncaught exceptions, browser log errors, and the URL of every request.
type recorder struct {
	mu       sync.Mutex
	errors   []string
	requests []string
}

func (tb *tab) record() *recorder {
	tb.t.Helper()
	r := &recorder{}
	err := chromedp.Listen(tb.ctx, func(ev any) {
		r.mu.Lock()
		defer r.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					if a.Value != nil {
						args = append(args, string(a.Value))
					} else {
						args = append(args, a.Description)
					}
				}
				r.errors = append(r.errors, "console."+string(ev.Type)+": "+strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			text := d.Text
			if d.Exception != nil {
				text += " " + d.Exception.Description
			}
			r.errors = append(r.errors, fmt.Sprintf("uncaught exception at %s:%d:%d: %s", d.URL, d.LineNumber+1, d.ColumnNumber+1, text))
		case *log.EventEntryAdded:
			if e := ev.Entry; e.Level == log.EntryLevelError {
				r.errors = append(r.errors, fmt.Sprintf("log %s error (%s): %s", e.Source, e.URL, e.Text))
			}
		case *network.EventRequestWillBeSent:
			r.requests = append(r.requests, ev.Request.URL)
		}
	})
	if err != nil {
		tb.t.Fatal(err)
	}
	return r
}

// take gives what was recorded so far and starts afresh.
func (r *recorder) take() (errors, requests []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	errors, requests = r.errors, r.requests
	r.errors, r.requests = nil, nil
	return errors, requests
}

// load opens a page in a new tab and gives what it reported while loading,
// and a moment after (for script run from timers).
func load(t *testing.T, v viewport, path string) (tb *tab, errors, requests []string) {
	t.Helper()
	tb = newTab(t, v)
	r := tb.record()
	tb.open(path)
	time.Sleep(150 * time.Millisecond)
	errors, requests = r.take()
	return tb, errors, requests
}

// No page writes an error to the console or throws; the 404 page's own 404
// status is the one error expected.
func TestNoConsoleErrors(t *testing.T) {
	needBrowser(t)
	for _, p := range pageTypes {
		t.Run(p.name, func(t *testing.T) {
			_, errs, _ := load(t, desktop, p.path)
			expected := fmt.Sprintf("log network error (%s%s): Failed to load resource: the server responded with a status of 404 (Not Found)", origin, p.path)
			allowed := p.name == "404" // the 404 page's own status, once
			var order []string
			count := map[string]int{}
			for _, e := range errs {
				if allowed && e == expected {
					allowed = false
					continue
				}
				if count[e] == 0 {
					order = append(order, e)
				}
				count[e]++
			}
			for _, e := range order {
				t.Errorf("%s: %s (×%d)", p.path, e, count[e])
			}
		})
	}
}

// Every request a page makes goes to the site itself: no fonts, scripts,
// styles or trackers from elsewhere.
func TestNoThirdPartyRequests(t *testing.T) {
	needBrowser(t)
	for _, p := range pageTypes {
		t.Run(p.name, func(t *testing.T) {
			_, _, reqs := load(t, desktop, p.path)
			if len(reqs) == 0 {
				t.Fatalf("%s: no request recorded", p.path)
			}
			for _, u := range reqs {
				if !strings.HasPrefix(u, origin+"/") && !strings.HasPrefix(u, "data:") {
					t.Errorf("%s requested %s, not on %s", p.path, u, origin)
				}
			}
		})
	}
}

// At 360 and 390 px (phones) nothing is wider than the screen. Nor at
// 700 px (a tablet), 752 and 808 px (windows with a scroll bar, just wider
// than the main column), or at 1280 px, with the table of contents beside
// the text.
func TestNoHorizontalScroll(t *testing.T) {
	needBrowser(t)
	for _, p := range pageTypes {
		t.Run(p.name, func(t *testing.T) {
			tb := openTab(t, phone, p.path)
			for _, v := range []viewport{phone, {390, 844, true, ""}, {700, 900, true, ""}, {752, 900, false, ""}, {808, 900, false, ""}, desktop} {
				tb.emulate(v) // laid out anew at this size, without a reload
				var got struct {
					ScrollWidth, ClientWidth, InnerWidth float64
					TooWide                              []string
				}
				// TooWide: the innermost elements that reach past the screen's right edge, for the message.
				tb.eval(`(() => {
					const d = document.documentElement, w = d.clientWidth, out = [];
					const over = e => e.getBoundingClientRect().right > w + 0.5;
					for (const e of document.body.querySelectorAll("*")) {
						if (over(e) && ![...e.children].some(over) && out.length < 5)
							out.push(e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (typeof e.className === "string" && e.className ? "." + e.className.trim().replace(/\s+/g, ".") : "") + " (right edge at " + Math.round(e.getBoundingClientRect().right) + ")");
					}
					return {ScrollWidth: d.scrollWidth, ClientWidth: w, InnerWidth: innerWidth, TooWide: out};
				})()`, &got)
				// A page wider than the screen either scrolls sideways (wider
				// than the viewport less its scroll bar, clientWidth) or, on a
				// phone, is zoomed out until it fits (innerWidth grows).
				if got.ScrollWidth > got.ClientWidth || got.InnerWidth != float64(v.width) {
					t.Errorf("%s at %d px: scrollWidth %v, clientWidth %v, innerWidth %v; too wide: %s", p.path, v.width, got.ScrollWidth, got.ClientWidth, got.InnerWidth, strings.Join(got.TooWide, ", "))
				}
			}
		})
	}
}

// Screenshots of each page type at 360 and 1280 px, light and dark, saved
// into $SCREENSHOT_DIR when set, for a person to look at.
func TestScreenshots(t *testing.T) {
	needBrowser(t)
	dir := os.Getenv("SCREENSHOT_DIR")
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	type shot struct{ name, path, then string } // then: a script run before each shot
	var shots []shot
	for _, p := range pageTypes {
		shots = append(shots, shot{p.name, p.path, ""})
	}
	shots = append(shots,
		shot{"document-at-clause", "/china-cuba-joint-statement-2025/#para_4", ""},
		shot{"document-menu", "/china-cuba-joint-statement-2025/#para_4", `(a => a.getAttribute("aria-expanded") === "false" && a.click())(document.querySelector("#para_4 a.self"))`},
		shot{"document-provenance", "/china-cuba-joint-statement-2025/#provenance", ""},
		shot{"document-notes", "/china-pakistan-action-plan-2025-2029/#part_2__intro", `(d => d && (d.open = true))(document.querySelector("#part_2__intro details"))`},
		shot{"document-notes-list", "/china-pakistan-action-plan-2025-2029/#endnotes", ""},
		shot{"clause-notes", "/china-pakistan-action-plan-2025-2029/part_2__intro/", ""})
	for _, p := range shots {
		t.Run(p.name, func(t *testing.T) {
			tb := openTab(t, looks[0], p.path)
			for _, v := range looks {
				tb.emulate(v)
				// As after loading at this size: at the top, or at the target.
				tb.eval(`(e => e ? e.scrollIntoView() : scrollTo(0, 0))(document.querySelector(":target"))`, nil)
				if p.then != "" {
					tb.eval(p.then+`, true`, nil)
				}
				buf, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
				if err != nil {
					t.Fatal(err)
				}
				img, err := png.Decode(bytes.NewReader(buf))
				if err != nil {
					t.Fatalf("%v: screenshot is no PNG: %v", v, err)
				}
				if b := img.Bounds(); int64(b.Dx()) != v.width || int64(b.Dy()) != v.height {
					t.Errorf("%v: screenshot is %dx%d", v, b.Dx(), b.Dy())
				}
				if dir != "" {
					name := filepath.Join(dir, fmt.Sprintf("%s-%s.png", p.name, v))
					if err := os.WriteFile(name, buf, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
		})
	}
}
