// Command searchlatency measures the site's search in the browser: how long
// the page /search/?q=QUERY of a built site takes, with nothing cached, to
// show its results, and how many bytes of the search index it fetches to do
// so.
//
//	go run ./generator/bench/searchlatency -dir SITE_DIR [-runs 5] \
//	    [-q '合作,构建人类命运共同体,和,Belt and Road,一、5,第四条,量子引力'] \
//	    [-warmup 1] [-json FILE] [-v]
//
// -dir is a built site (public/, or the -out of a build). The command serves
// it itself, with net/http's FileServer (no compression, as a plain static
// host without gzip would), on http://127.0.0.1 and a free port, never on
// another address. Every response is counted on the server's side: its path,
// status and the bytes of its body.
//
// -q is the queries, separated by commas (so a query cannot hold a comma;
// white space around each is dropped, empty ones are skipped). The default
// holds one of each kind search.js treats apart, and each is in both the
// site's own documents and a corpus of go run ./generator synth: a common
// two-character word (合作), a longer phrase (构建人类命运共同体: four
// bigrams), one character (和: its own posting list, the longest), a theme's
// English name (Belt and Road), two clause numbers (一、5, 第四条: the number
// keys) and a query found nowhere (量子引力).
//
// Each query is loaded -runs times, in rounds (every query once, then every
// query again…), after -warmup loads of the first query that are not
// counted. Every load is cold: a new browser context (its own HTTP cache,
// cookies and connections) with a new tab, the cache disabled in it
// (Network.setCacheDisabled), and the browser's cache cleared
// (Network.clearBrowserCache), so every file comes from the server. The tab
// opens /search/?q=<the query, URL-escaped> and waits, at most -timeout (30
// s), until article.search has the attribute data-shown, which search.js
// sets, to the query, once the results are in the page; it is an error if
// it does not, or if data-shown is not the query.
//
// The times are the page's own. A script added to every document the tab
// loads (Page.addScriptToEvaluateOnNewDocument, before the page's scripts)
// watches with a MutationObserver for data-shown and takes performance.now()
// when it appears: milliseconds since performance.timeOrigin, the start of
// the navigation. So for each load:
//
//	shown       ms from the start of the navigation to the results in the
//	            page (data-shown set; the frame that paints them follows)
//	after DCL   shown minus the navigation's domContentLoadedEventStart:
//	            the part that search.js's fetches and work take
//
// and, from the server's log of that load's requests:
//
//	index       every file under /search/ but the page itself (meta.json,
//	            g/*.txt shards, t/*.json chunks of texts): their number and
//	            bytes, and the sum of their sizes compressed with gzip -6
//	            (compress/gzip, level 6), what a host that compresses would
//	            send
//	page        the HTML of /search/
//	scripts     /search.js + /search-index.js
//
// It prints one line per query: the median and maximum of shown and of after
// DCL over the runs, the index's files, bytes and gzip bytes, the largest
// index file, the number of result items (li under .search-results) and the
// status line (.search-status); then a line of the maxima over all queries.
// With -v it also prints each load to stderr as it is measured. -json FILE
// writes everything: per load the times, the navigation timing (with
// first-paint and first-contentful-paint), the page's resource timing
// entries, and every request with its path, status, bytes and gzip bytes.
//
// Chromium runs with the project's flags (headless, no sandbox, no GPU, no
// background networking, component updates or sync: testenv.NewAllocator)
// and a fresh profile in a temporary directory; it opens only the pages of
// the site served here.
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"golang.org/x/text/width"

	"statements/generator/internal/testenv"
)

// defaultQueries, one per line in queries.txt: see the package comment.
//
//go:embed queries.txt
var defaultQueries string

// watchJS runs in every document the tab loads, before the page's own
// scripts. window.__searchlatency.done resolves when article.search gets
// data-shown (with the time, from performance.timeOrigin), or when the
// status line says the index could not be read.
const watchJS = `(() => {
  let resolve;
  const rec = { shown: -1, q: null, failed: "" };
  window.__searchlatency = rec;
  window.__searchlatencyDone = new Promise((r) => { resolve = r; });
  const check = () => {
    if (rec.shown >= 0 || rec.failed) return;
    const a = document.querySelector("article.search[data-shown]");
    if (a) {
      rec.shown = performance.now();
      rec.q = a.dataset.shown;
      resolve();
      return;
    }
    const page = document.querySelector("article.search[data-words]");
    const status = page && page.querySelector(".search-status");
    if (status && status.textContent) {
      let words = null;
      try { words = JSON.parse(page.dataset.words); } catch {}
      if (words && status.textContent === words.failed) { rec.failed = status.textContent; resolve(); }
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["data-shown"] });
})();`

// resultJS reads, once data-shown is there, what the page shows and its
// timings.
const resultJS = `window.__searchlatencyDone.then(() => {
  const rec = window.__searchlatency;
  const nav = performance.getEntriesByType("navigation")[0] || {};
  const status = document.querySelector("article.search .search-status");
  return {
    shown: rec.shown,
    q: rec.q,
    failed: rec.failed,
    timeOrigin: performance.timeOrigin,
    status: status ? status.textContent : "",
    items: document.querySelectorAll("article.search .search-results li").length,
    nav: {
      responseStart: nav.responseStart || 0,
      responseEnd: nav.responseEnd || 0,
      domInteractive: nav.domInteractive || 0,
      domContentLoadedEventStart: nav.domContentLoadedEventStart || 0,
      domContentLoadedEventEnd: nav.domContentLoadedEventEnd || 0,
      loadEventStart: nav.loadEventStart || 0,
      ...Object.fromEntries(performance.getEntriesByType("paint").map((e) => [e.name, e.startTime])),
    },
    resources: performance.getEntriesByType("resource").map((e) => ({
      path: new URL(e.name).pathname,
      start: e.startTime,
      responseStart: e.responseStart,
      responseEnd: e.responseEnd,
      transferSize: e.transferSize,
      encodedBodySize: e.encodedBodySize,
    })),
  };
})`

type config struct {
	dir, chrome, jsonOut string
	queries              []string
	runs, warmup         int
	timeout              time.Duration
	verbose              bool
}

// Request is one response the server sent during a load.
type Request struct {
	Path      string `json:"path"`
	Kind      string `json:"kind"` // page, index, script or other
	Status    int    `json:"status"`
	Bytes     int64  `json:"bytes"`
	GzipBytes int64  `json:"gzip_bytes"` // the file compressed with gzip -6; 0 unless status 200
}

// Resource is one of the page's resource timing entries.
type Resource struct {
	Path            string  `json:"path"`
	Start           float64 `json:"start"`
	ResponseStart   float64 `json:"responseStart"`
	ResponseEnd     float64 `json:"responseEnd"`
	TransferSize    float64 `json:"transferSize"`
	EncodedBodySize float64 `json:"encodedBodySize"`
}

// Load is one cold load of the search page.
type Load struct {
	Query          string             `json:"query"`
	Warmup         bool               `json:"warmup,omitempty"`
	ShownMS        float64            `json:"shown_ms"`     // from the start of the navigation
	AfterDCLMS     float64            `json:"after_dcl_ms"` // from domContentLoadedEventStart
	WallMS         float64            `json:"wall_ms"`      // from just before Page.navigate, by the system clock
	Status         string             `json:"status"`
	Items          int                `json:"items"`
	IndexFiles     int                `json:"index_files"`
	IndexBytes     int64              `json:"index_bytes"`
	IndexGzipBytes int64              `json:"index_gzip_bytes"`
	PageBytes      int64              `json:"page_bytes"`
	ScriptBytes    int64              `json:"script_bytes"`
	Navigation     map[string]float64 `json:"navigation"`
	Requests       []Request          `json:"requests"`
	Resources      []Resource         `json:"resources"`
}

// QueryResult is the loads of one query and their summary.
type QueryResult struct {
	Query            string  `json:"query"`
	MedianShownMS    float64 `json:"median_shown_ms"`
	MaxShownMS       float64 `json:"max_shown_ms"`
	MedianAfterDCLMS float64 `json:"median_after_dcl_ms"`
	MaxAfterDCLMS    float64 `json:"max_after_dcl_ms"`
	IndexFiles       int     `json:"index_files"` // the most of any run
	IndexBytes       int64   `json:"index_bytes"`
	IndexGzipBytes   int64   `json:"index_gzip_bytes"`
	LargestFile      string  `json:"largest_file"`
	LargestBytes     int64   `json:"largest_bytes"`
	Items            int     `json:"items"`
	Status           string  `json:"status"`
	Loads            []Load  `json:"loads"`
}

// Report is what -json writes.
type Report struct {
	Dir              string        `json:"dir"`
	URL              string        `json:"url"`
	Runs             int           `json:"runs"`
	Warmup           int           `json:"warmup"`
	PageBytes        int64         `json:"page_bytes"`
	ScriptBytes      int64         `json:"script_bytes"`
	Queries          []QueryResult `json:"queries"`
	WarmupLoads      []Load        `json:"warmup_loads,omitempty"`
	MaxMedianShownMS float64       `json:"max_median_shown_ms"`
	MaxShownMS       float64       `json:"max_shown_ms"`
	MaxMedianDCLMS   float64       `json:"max_median_after_dcl_ms"`
	MaxAfterDCLMS    float64       `json:"max_after_dcl_ms"`
	MaxIndexFiles    int           `json:"max_index_files"`
	MaxIndexBytes    int64         `json:"max_index_bytes"`
	MaxIndexGzip     int64         `json:"max_index_gzip_bytes"`
}

func main() {
	var c config
	var q string
	flag.StringVar(&c.dir, "dir", "", "a built site to serve (required), e.g. public")
	flag.IntVar(&c.runs, "runs", 5, "cold loads measured per query")
	flag.IntVar(&c.warmup, "warmup", 1, "loads of the first query made first and not counted")
	flag.StringVar(&q, "q", strings.Join(strings.Split(strings.TrimSpace(defaultQueries), "\n"), ","), "queries, separated by commas")
	flag.StringVar(&c.jsonOut, "json", "", "also write every number as JSON to `FILE`")
	flag.StringVar(&c.chrome, "chrome", "/usr/bin/chromium", "Chromium's path")
	flag.DurationVar(&c.timeout, "timeout", 30*time.Second, "longest wait for one load to show its results")
	flag.BoolVar(&c.verbose, "v", false, "print each load to stderr")
	flag.Parse()
	for s := range strings.SplitSeq(q, ",") {
		if s = strings.TrimSpace(s); s != "" {
			c.queries = append(c.queries, s)
		}
	}
	if c.dir == "" || c.runs < 1 || c.warmup < 0 || len(c.queries) == 0 || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "searchlatency:", err)
		os.Exit(1)
	}
}

func run(c config) error {
	for _, f := range []string{"search/index.html", "search/meta.json", "search.js", "search-index.js"} {
		if _, err := os.Stat(filepath.Join(c.dir, filepath.FromSlash(f))); err != nil {
			return fmt.Errorf("%s is not a built site with a search page: %w", c.dir, err)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	rec := &recorder{dir: c.dir, gzipped: map[string]int64{}, stray: map[string]int{}}
	srv := &http.Server{Handler: rec.wrap(http.FileServer(http.Dir(c.dir))), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	profile, err := os.MkdirTemp("", "searchlatency-chromium-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	actx, cancelAlloc := testenv.NewAllocator(ctx, c.chrome, profile)
	defer cancelAlloc()
	browser, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	if err := chromedp.Do(browser); err != nil { // start Chromium
		return fmt.Errorf("starting %s: %w", c.chrome, err)
	}

	fmt.Printf("searchlatency: %s served at %s/search/, %d queries × %d cold loads (after %d not counted)\n",
		c.dir, base, len(c.queries), c.runs, c.warmup)
	rep := Report{Dir: c.dir, URL: base + "/search/", Runs: c.runs, Warmup: c.warmup}
	for i := range c.warmup {
		l, err := measure(browser, c, rec, base, c.queries[0])
		if err != nil {
			return fmt.Errorf("warm-up %d, %q: %w", i+1, c.queries[0], err)
		}
		l.Warmup = true
		rep.WarmupLoads = append(rep.WarmupLoads, l)
		if c.verbose {
			fmt.Fprintf(os.Stderr, "warm-up %d %s\n", i+1, describe(l))
		}
	}
	loads := make([][]Load, len(c.queries))
	for r := range c.runs {
		for i, q := range c.queries {
			l, err := measure(browser, c, rec, base, q)
			if err != nil {
				return fmt.Errorf("run %d, %q: %w", r+1, q, err)
			}
			loads[i] = append(loads[i], l)
			if c.verbose {
				fmt.Fprintf(os.Stderr, "run %d %s\n", r+1, describe(l))
			}
		}
	}

	first := loads[0][0]
	rep.PageBytes, rep.ScriptBytes = first.PageBytes, first.ScriptBytes
	fmt.Printf("page /search/ %s B, search.js + search-index.js %s B\n", thousands(rep.PageBytes), thousands(rep.ScriptBytes))
	for i, q := range c.queries {
		qr := summarize(q, loads[i])
		rep.Queries = append(rep.Queries, qr)
		fmt.Printf("%s shown median %7.1f ms max %7.1f ms; after DCL median %7.1f ms max %7.1f ms; index %3d files %10s B (gzip %9s B), largest %s %s B; %d items, %s\n",
			pad(fmt.Sprintf("%q:", q), 24), qr.MedianShownMS, qr.MaxShownMS, qr.MedianAfterDCLMS, qr.MaxAfterDCLMS,
			qr.IndexFiles, thousands(qr.IndexBytes), thousands(qr.IndexGzipBytes), qr.LargestFile, thousands(qr.LargestBytes),
			qr.Items, qr.Status)
		for _, l := range loads[i] {
			if l.PageBytes != rep.PageBytes || l.ScriptBytes != rep.ScriptBytes {
				fmt.Printf("  note: a load of %q fetched page %d B, scripts %d B\n", q, l.PageBytes, l.ScriptBytes)
			}
			if l.IndexBytes != qr.IndexBytes || l.IndexFiles != qr.IndexFiles {
				fmt.Printf("  note: the loads of %q fetched different index files (%d files %d B in one)\n", q, l.IndexFiles, l.IndexBytes)
			}
			if l.Status != qr.Status || l.Items != qr.Items {
				fmt.Printf("  note: the loads of %q showed different results (%d items, %s)\n", q, l.Items, l.Status)
			}
		}
		rep.MaxMedianShownMS = max(rep.MaxMedianShownMS, qr.MedianShownMS)
		rep.MaxShownMS = max(rep.MaxShownMS, qr.MaxShownMS)
		rep.MaxMedianDCLMS = max(rep.MaxMedianDCLMS, qr.MedianAfterDCLMS)
		rep.MaxAfterDCLMS = max(rep.MaxAfterDCLMS, qr.MaxAfterDCLMS)
		rep.MaxIndexFiles = max(rep.MaxIndexFiles, qr.IndexFiles)
		rep.MaxIndexBytes = max(rep.MaxIndexBytes, qr.IndexBytes)
		rep.MaxIndexGzip = max(rep.MaxIndexGzip, qr.IndexGzipBytes)
	}
	fmt.Printf("%s shown median %7.1f ms max %7.1f ms; after DCL median %7.1f ms max %7.1f ms; index %3d files %10s B (gzip %9s B)\n",
		pad("all (maxima):", 24), rep.MaxMedianShownMS, rep.MaxShownMS, rep.MaxMedianDCLMS, rep.MaxAfterDCLMS,
		rep.MaxIndexFiles, thousands(rep.MaxIndexBytes), thousands(rep.MaxIndexGzip))
	if s := rec.strays(); len(s) > 0 {
		fmt.Printf("note: requests between loads, not counted: %s\n", strings.Join(s, ", "))
	}

	if c.jsonOut != "" {
		data, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(c.jsonOut, append(data, '\n'), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// measure makes one cold load of /search/?q=query in a new browser context.
func measure(browser context.Context, c config, rec *recorder, base, query string) (Load, error) {
	l := Load{Query: query}
	tab, cancelTab := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	defer cancelTab()
	// The tab's first action has no timeout: its context is the tab's life.
	if err := chromedp.Do(tab, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, t, network.ClearBrowserCache, cdp.Empty{}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchJS})
		return err
	})); err != nil {
		return l, fmt.Errorf("opening a tab: %w", err)
	}

	u := base + "/search/?" + url.Values{"q": {query}}.Encode()
	rec.begin()
	requests, err := func() ([]Request, error) {
		defer rec.end() // also after an error: the next load starts a new log
		ctx, cancel := context.WithTimeout(tab, c.timeout)
		defer cancel()
		start := time.Now()
		if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
			return nil, fmt.Errorf("opening %s: %w", u, err)
		}
		res, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
			Shown      float64            `json:"shown"`
			Q          *string            `json:"q"`
			Failed     string             `json:"failed"`
			TimeOrigin float64            `json:"timeOrigin"`
			Status     string             `json:"status"`
			Items      int                `json:"items"`
			Nav        map[string]float64 `json:"nav"`
			Resources  []Resource         `json:"resources"`
		}](resultJS, chromedp.EvalAwaitPromise))
		if err != nil {
			if ctx.Err() != nil {
				status, _ := chromedp.Run(tab, chromedp.Evaluate[string](`(document.querySelector("article.search .search-status") || {}).textContent || ""`))
				return nil, fmt.Errorf("article.search[data-shown] did not appear within %v (status line %q)", c.timeout, status)
			}
			return nil, err
		}
		if res.Failed != "" {
			var bad []string
			reqs, _ := rec.settle(time.Second)
			for _, r := range reqs {
				if r.Status != http.StatusOK {
					bad = append(bad, fmt.Sprintf("%s %d", r.Path, r.Status))
				}
			}
			return nil, fmt.Errorf("the page says %q (responses not 200: %s)", res.Failed, strings.Join(bad, ", "))
		}
		if res.Q == nil || *res.Q != strings.TrimSpace(query) {
			return nil, fmt.Errorf("data-shown is %v, not the query", res.Q)
		}
		l.ShownMS = res.Shown
		l.AfterDCLMS = res.Shown - res.Nav["domContentLoadedEventStart"]
		l.WallMS = res.TimeOrigin + res.Shown - float64(start.UnixNano())/1e6
		l.Status, l.Items, l.Navigation, l.Resources = res.Status, res.Items, res.Nav, res.Resources
		// Everything the page asked for has been answered; let the
		// handlers that sent it finish their bookkeeping.
		return rec.settle(5 * time.Second)
	}()
	if err != nil {
		return l, err
	}
	l.Requests = requests
	for _, r := range requests {
		if r.Status != http.StatusOK {
			return l, fmt.Errorf("%s: status %d", r.Path, r.Status)
		}
		switch r.Kind {
		case "index":
			l.IndexFiles++
			l.IndexBytes += r.Bytes
			l.IndexGzipBytes += r.GzipBytes
		case "page":
			l.PageBytes += r.Bytes
		case "script":
			l.ScriptBytes += r.Bytes
		}
	}
	if l.IndexFiles == 0 {
		return l, errors.New("the page showed results without fetching the index (cached?)")
	}
	return l, nil
}

// describe is one line of -v.
func describe(l Load) string {
	return fmt.Sprintf("%q: shown %.1f ms, after DCL %.1f ms (wall %.1f ms); index %d files %d B (gzip %d B); page %d B, scripts %d B; %d items, %s",
		l.Query, l.ShownMS, l.AfterDCLMS, l.WallMS, l.IndexFiles, l.IndexBytes, l.IndexGzipBytes, l.PageBytes, l.ScriptBytes, l.Items, l.Status)
}

func summarize(q string, loads []Load) QueryResult {
	qr := QueryResult{Query: q, Loads: loads}
	var shown, dcl []float64
	for _, l := range loads {
		shown = append(shown, l.ShownMS)
		dcl = append(dcl, l.AfterDCLMS)
		if l.IndexBytes > qr.IndexBytes || (l.IndexBytes == qr.IndexBytes && l.IndexFiles > qr.IndexFiles) {
			qr.IndexFiles, qr.IndexBytes, qr.IndexGzipBytes = l.IndexFiles, l.IndexBytes, l.IndexGzipBytes
		}
		for _, r := range l.Requests {
			if r.Kind == "index" && r.Bytes > qr.LargestBytes {
				qr.LargestFile, qr.LargestBytes = r.Path, r.Bytes
			}
		}
	}
	qr.MedianShownMS, qr.MaxShownMS = median(shown), slices.Max(shown)
	qr.MedianAfterDCLMS, qr.MaxAfterDCLMS = median(dcl), slices.Max(dcl)
	qr.Items, qr.Status = loads[0].Items, loads[0].Status
	return qr
}

func median(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	n := len(s)
	return (s[(n-1)/2] + s[n/2]) / 2
}

// thousands writes n with commas: 1,234,567.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// pad adds spaces to s up to n columns of a terminal, where a wide (CJK)
// character takes two.
func pad(s string, n int) string {
	w := 0
	for _, r := range s {
		w++
		if k := width.LookupRune(r).Kind(); k == width.EastAsianWide || k == width.EastAsianFullwidth {
			w++
		}
	}
	return s + strings.Repeat(" ", max(n-w, 0))
}

// recorder logs the responses of the load being measured.
type recorder struct {
	dir string

	mu       sync.Mutex
	log      []*Request // nil between loads
	logging  bool
	inflight int
	stray    map[string]int   // path → requests that came between loads
	gzipped  map[string]int64 // path → gzip -6 size
}

func (rec *recorder) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req := &Request{Path: r.URL.Path, Kind: kind(r.URL.Path)}
		rec.mu.Lock()
		logging := rec.logging
		if logging {
			rec.log = append(rec.log, req)
			rec.inflight++
		} else {
			rec.stray[r.URL.Path]++
		}
		rec.mu.Unlock()
		cw := &countingWriter{ResponseWriter: w}
		h.ServeHTTP(cw, r)
		status := cw.status
		if status == 0 {
			status = http.StatusOK
		}
		var gz int64
		if status == http.StatusOK {
			gz = rec.gzipSize(r.URL.Path)
		}
		rec.mu.Lock()
		req.Status, req.Bytes, req.GzipBytes = status, cw.n, gz
		if logging {
			rec.inflight--
		}
		rec.mu.Unlock()
	})
}

// kind sorts a request: the page, the index's files, the search scripts,
// anything else.
func kind(p string) string {
	switch {
	case p == "/search/" || p == "/search/index.html":
		return "page"
	case strings.HasPrefix(p, "/search/"):
		return "index"
	case p == "/search.js" || p == "/search-index.js":
		return "script"
	}
	return "other"
}

// gzipSize is the size of the file served at p compressed with gzip -6.
func (rec *recorder) gzipSize(p string) int64 {
	rec.mu.Lock()
	n, ok := rec.gzipped[p]
	rec.mu.Unlock()
	if ok {
		return n
	}
	name := filepath.Join(rec.dir, filepath.FromSlash(path.Clean("/"+p)))
	if strings.HasSuffix(p, "/") {
		name = filepath.Join(name, "index.html")
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return 0
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, 6)
	zw.Write(data)
	zw.Close()
	n = int64(buf.Len())
	rec.mu.Lock()
	rec.gzipped[p] = n
	rec.mu.Unlock()
	return n
}

func (rec *recorder) begin() {
	rec.mu.Lock()
	rec.log, rec.logging = nil, true
	rec.mu.Unlock()
}

func (rec *recorder) end() {
	rec.mu.Lock()
	rec.log, rec.logging = nil, false
	rec.mu.Unlock()
}

// settle waits until no logged request is being answered, and returns the
// log so far.
func (rec *recorder) settle(timeout time.Duration) ([]Request, error) {
	deadline := time.Now().Add(timeout)
	for {
		rec.mu.Lock()
		if rec.inflight == 0 {
			out := make([]Request, len(rec.log))
			for i, r := range rec.log {
				out[i] = *r
			}
			rec.mu.Unlock()
			return out, nil
		}
		n := rec.inflight
		rec.mu.Unlock()
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("%d requests still unanswered after %v", n, timeout)
		}
		time.Sleep(time.Millisecond)
	}
}

// strays lists the requests that came between loads, as "path ×n".
func (rec *recorder) strays() []string {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	var out []string
	for p, n := range rec.stray {
		out = append(out, fmt.Sprintf("%s ×%d", p, n))
	}
	slices.Sort(out)
	return out
}

// countingWriter counts the bytes of a response's body.
type countingWriter struct {
	http.ResponseWriter
	status int
	n      int64
}

func (w *countingWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *countingWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(p)
	w.n += int64(n)
	return n, err
}
