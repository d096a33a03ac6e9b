package browsertest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"statements/generator/internal/testenv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// The pages every check visits: one of each layout.
var pageTypes = []struct{ name, path string }{
	{"home", "/"},
	{"document", "/china-pakistan-action-plan-2025-2029/"},
	{"clause", "/china-cuba-joint-statement-2025/para_4/"},
	{"nested-clause", "/china-pakistan-action-plan-2025-2029/part_2__para_5/"},
	{"theme", "/themes/un-resolution-2758/"},
	{"themes", "/themes/"},
	{"parties", "/parties/"},
	{"party", "/parties/islamic-republic-of-pakistan/"},
	{"years", "/years/"},
	{"year", "/years/2025/"},
	{"data", "/data/"},
	{"404", "/no-such-page/"},
	{"search", "/search/?q=" + url.QueryEscape("一个中国")},
	// The English edition.
	{"en-home", "/en/"},
	{"en-document", "/en/china-pakistan-action-plan-2025-2029/"},
	{"en-clause", "/en/china-cuba-joint-statement-2025/para_4/"},
	{"en-nested-clause", "/en/china-pakistan-action-plan-2025-2029/part_2__para_5/"},
	{"en-theme", "/en/themes/un-resolution-2758/"},
	{"en-themes", "/en/themes/"},
	{"en-parties", "/en/parties/"},
	{"en-party", "/en/parties/islamic-republic-of-pakistan/"},
	{"en-years", "/en/years/"},
	{"en-year", "/en/years/2025/"},
	{"en-data", "/en/data/"},
	{"en-404", "/en/404.html"},
	{"en-search", "/en/search/?q=" + url.QueryEscape("Belt and Road")},
}

// looks are the four ways a page is looked at: phone and desktop, light and dark.
var looks = []viewport{
	{360, 740, true, "light"}, {1280, 900, false, "light"},
	{360, 740, true, "dark"}, {1280, 900, false, "dark"},
}

const axePath = "node_modules/axe-core/axe.min.js"

var (
	siteDir    string           // the built site under test: public/, or SITE_DIR
	site       *httptest.Server // public/ as GitHub Pages serves it
	origin     string           // site.URL: http://127.0.0.1:port
	browserCtx context.Context  // the one browser of this test binary; nil when missing
	missing    string           // why the browser is missing: what to install
	browserErr error            // the browser is there but did not start
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	public := filepath.Join("..", "..", "public")
	if dir := os.Getenv("SITE_DIR"); dir != "" { // another build, e.g. go run ./generator -out DIR
		public = dir
	}
	public, err := filepath.Abs(public)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	siteDir = public
	handler, err := pagesHandler(public)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	site = httptest.NewServer(handler)
	defer site.Close()
	origin = site.URL

	chromium := testenv.Chromium()
	if chromium == "" {
		missing = "Chromium is not installed (apt-get install chromium fonts-noto-cjk)"
		return m.Run()
	}
	profile, err := os.MkdirTemp("", "browsertest-profile-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(profile)
	allocCtx, cancelAlloc := testenv.NewAllocator(context.Background(), chromium, profile)
	defer cancelAlloc()
	ctx, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	if err := chromedp.Do(ctx); err != nil {
		browserErr = fmt.Errorf("starting %s: %w", chromium, err)
	} else {
		browserCtx = ctx
	}
	return m.Run()
}

// pagesHandler serves dir like GitHub Pages: "/x/" is x/index.html, "/x" a
// redirect to "/x/" when x is a directory, and a missing path 404.html with
// status 404.
func pagesHandler(dir string) (http.Handler, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	notFound, err := root.ReadFile("404.html")
	if err != nil {
		return nil, err
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		if strings.HasSuffix(r.URL.Path, "/") {
			name = path.Join(name, "index.html")
		}
		if f, err := root.Open(name); err == nil {
			defer f.Close()
			if fi, err := f.Stat(); err == nil {
				if fi.IsDir() {
					http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
					return
				}
				http.ServeContent(w, r, name, fi.ModTime(), f)
				return
			}
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(notFound)
	}), nil
}

// unavailable skips the test, or fails it when CI is "true", because what it
// needs is not installed.
func unavailable(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(why + "; CI must install it (.ci/run)")
	}
	t.Skip(why)
}

// needAxe gives the source of axe-core, or skips the test.
func needAxe(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(axePath)
	if errors.Is(err, os.ErrNotExist) {
		unavailable(t, "axe-core is not installed (npm ci --prefix generator/browsertest)")
	} else if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// tab is one browser tab with a time limit, closed when the test ends.
type tab struct {
	t   *testing.T
	ctx context.Context
}

// viewport is what a tab emulates: size, mobile or not, colour scheme.
type viewport struct {
	width, height int64
	mobile        bool
	scheme        string // prefers-color-scheme: "light" or "dark"; "" leaves it
}

var (
	desktop = viewport{width: 1280, height: 900}
	phone   = viewport{width: 360, height: 740, mobile: true}
)

func (v viewport) String() string {
	s := fmt.Sprintf("%dx%d", v.width, v.height)
	if v.scheme != "" {
		s += "-" + v.scheme
	}
	return s
}

// needBrowser skips the test when there is no browser, and fails it when
// the browser did not start.
func needBrowser(t *testing.T) {
	t.Helper()
	if missing != "" {
		unavailable(t, missing)
	}
	if browserErr != nil {
		t.Fatal(browserErr)
	}
}

// newTab opens a tab with the viewport v.
func newTab(t *testing.T, v viewport) *tab {
	t.Helper()
	needBrowser(t)
	tabCtx, cancel := chromedp.NewContext(browserCtx)
	t.Cleanup(cancel)
	if err := chromedp.Do(tabCtx); err != nil { // opens the tab, with no time limit
		t.Fatalf("opening a tab: %v", err)
	}
	ctx, cancelTimeout := context.WithTimeout(tabCtx, 30*time.Second)
	t.Cleanup(cancelTimeout)
	tb := &tab{t: t, ctx: ctx}
	tb.emulate(v)
	return tb
}

// emulate sets the tab's viewport and colour scheme; the page, if any, is
// laid out anew without a reload.
func (tb *tab) emulate(v viewport) {
	tb.t.Helper()
	opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(1)}
	if v.mobile {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulatePortrait)
	}
	tb.do(chromedp.EmulateViewport(v.width, v.height, opts...))
	// A phone's pointer is a finger: (pointer: coarse).
	send(tb, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: v.mobile, MaxTouchPoints: 5})
	if v.scheme != "" {
		send(tb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: v.scheme}},
		})
	}
}

// do runs actions, failing the test on an error.
func (tb *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, actions...); err != nil {
		tb.t.Fatal(err)
	}
}

// send sends one protocol command to the tab, failing the test on an error.
func send[P, R any](tb *tab, cmd cdp.Command[P, R], params P) R {
	tb.t.Helper()
	r, err := chromedp.Call(tb.ctx, cmd, params)
	if err != nil {
		tb.t.Fatalf("%s: %v", cmd.Method, err)
	}
	return r
}

// open loads the page at path (and fragment) on the test server and waits
// for its load event.
func (tb *tab) open(pathAndHash string) { tb.openAt(origin, pathAndHash) }

// openAt loads the page at path (and fragment) on the server at base.
func (tb *tab) openAt(base, pathAndHash string) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(base+pathAndHash)); err != nil {
		tb.t.Fatalf("opening %s: %v", pathAndHash, err)
	}
}

// openTab opens a tab with the viewport v and loads the page at path in it.
func openTab(t *testing.T, v viewport, path string) *tab {
	t.Helper()
	tb := newTab(t, v)
	tb.open(path)
	return tb
}

// eval evaluates a JavaScript expression in the page and decodes its JSON
// value into out (nil to ignore it); a promise is awaited.
func (tb *tab) eval(js string, out any) {
	tb.t.Helper()
	if err := evalInto(tb.ctx, js, out); err != nil {
		tb.t.Fatalf("evaluating %s: %v", js, err)
	}
}

func evalInto(ctx context.Context, js string, out any) error {
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](js, chromedp.EvalAwaitPromise))
	if err != nil || out == nil {
		return err
	}
	return json.Unmarshal(raw, out)
}

// waitFor evaluates the expression until it is true, for up to five
// seconds, across navigations; it reports whether it became true.
func (tb *tab) waitFor(js string) bool {
	deadline := time.Now().Add(5 * time.Second)
	for {
		var ok bool
		if err := evalInto(tb.ctx, "Boolean("+js+")", &ok); err == nil && ok {
			return true
		}
		if time.Now().After(deadline) || tb.ctx.Err() != nil {
			return false
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// disableScripts turns JavaScript off in the tab, for the pages it opens next.
func (tb *tab) disableScripts() {
	tb.t.Helper()
	send(tb, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
}

// pressEnter presses Enter as a keyboard does: one keyDown that carries
// its text, so that the page's keydown handler can cancel the keypress
// (chromedp.KeyEvent sends the keypress as an event of its own), then keyUp.
func (tb *tab) pressEnter() {
	tb.t.Helper()
	send(tb, input.DispatchKeyEvent, input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: "Enter", Code: "Enter", Text: "\r", WindowsVirtualKeyCode: 13})
	send(tb, input.DispatchKeyEvent, input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyUp, Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 13})
}
