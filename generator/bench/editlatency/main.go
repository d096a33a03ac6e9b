// Command editlatency measures how long a running development server (ours,
// go run ./generator serve, or hugo server) takes to show an edit: from
// writing a source file to the open browser tab showing the new text.
//
//	go run ./generator/bench/editlatency -url http://127.0.0.1:1313/synthetic-0001/para_1/ \
//	    -file /tmp/s10/content/documents/synthetic-0001.md -find 捍卫人类和平事业作出的历史性贡献 \
//	    [-n 50] [-warmup 3] [-pid PID] [-json FILE]
//
// It opens -url in headless Chromium, checks that the page shows -find (a
// string that occurs once in -file, and once as text on the page), then
// makes -warmup edits that are not counted and -n that are. Each edit
// writes -file with -find replaced by a new marker (EDIT<run><count>, so
// every edit changes the text), and waits until the tab's document.body
// innerText holds that marker. The latency is from just before the write
// to the moment the page saw the marker: a script added to every document
// the tab loads checks at DOMContentLoaded, and after every DOM mutation, so
// it works whether the server reloads the page (our /_dev/reload.js over
// EventSource, Hugo's livereload over a WebSocket) or patches it in place.
// Both times are read from the same system clock (Go's time.Now and the
// page's performance.timeOrigin + performance.now()). Before the next edit
// it waits until the page has loaded and its reload channel is connected,
// then -pause and a random part of -jitter: edits then do not fall in step
// with a server that batches changes on a fixed tick (hugo server collects
// them every 500 ms). Keep -pause at 1 s or more for hugo server: it gives
// pages a Last-Modified in whole seconds and no ETag, so a page rendered
// twice within a second can come back 304 Not Modified, and the tab keeps
// showing the older text.
//
// It prints each latency, then the median, the 95th percentile (nearest
// rank) and the maximum, and, with -pid, the server's VmRSS and VmHWM from
// /proc/PID/status after the last edit. -json FILE also writes them as
// JSON. The file is restored at the end, also after an error or Ctrl-C.
//
// Chromium runs with the project's flags (headless, no sandbox, no GPU, no
// background networking, component updates or sync) and a fresh profile in
// a temporary directory; it opens only -url.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"statements/generator/internal/testenv"
)

// watchJS runs in every document the tab loads, before the page's own
// scripts. It records in window.__editlatency when the body's text first
// holds the marker that sessionStorage (which survives reloads) names.
const watchJS = `(() => {
  const check = () => {
    let m = null;
    try { m = sessionStorage.getItem('editlatency:marker'); } catch { return; }
    if (!m || !document.body || (window.__editlatency && window.__editlatency.m === m)) return;
    if (document.body.innerText.includes(m)) window.__editlatency = { m, t: performance.timeOrigin + performance.now() };
  };
  const start = () => {
    check();
    new MutationObserver(check).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
})();`

// readyJS is true once the page has loaded and its reload channel is open:
// our reload.js marks <html data-dev-reload="connected">; Hugo's
// livereload.js has a protocol once its WebSocket handshake is done.
const readyJS = `document.readyState === 'complete' &&
  (document.documentElement.dataset.devReload === 'connected' ||
   !!(window.LiveReload && window.LiveReload.connector && window.LiveReload.connector.protocol))`

type config struct {
	url, file, find, chrome, jsonOut string
	n, warmup, pid                   int
	timeout, pause, jitter, poll     time.Duration
}

// Result is what -json writes.
type Result struct {
	URL         string    `json:"url"`
	File        string    `json:"file"`
	Edits       int       `json:"edits"`
	Warmup      int       `json:"warmup"`
	LatencyMS   []float64 `json:"latency_ms"`
	MedianMS    float64   `json:"median_ms"`
	P95MS       float64   `json:"p95_ms"`
	MaxMS       float64   `json:"max_ms"`
	ClockSkewMS float64   `json:"clock_skew_ms"` // browser clock minus ours, measured once
	PID         int       `json:"pid,omitempty"`
	VmRSSkB     int64     `json:"vmrss_kb,omitempty"`
	VmHWMkB     int64     `json:"vmhwm_kb,omitempty"`
}

func main() {
	var c config
	flag.StringVar(&c.url, "url", "", "page to open (required), e.g. http://127.0.0.1:1313/synthetic-0001/para_1/")
	flag.StringVar(&c.file, "file", "", "source file to edit (required)")
	flag.StringVar(&c.find, "find", "", "text that occurs once in -file and is shown on the page (required)")
	flag.IntVar(&c.n, "n", 50, "edits measured")
	flag.IntVar(&c.warmup, "warmup", 3, "edits made first and not counted")
	flag.IntVar(&c.pid, "pid", 0, "the server's process id: report its VmRSS and VmHWM after the run")
	flag.StringVar(&c.jsonOut, "json", "", "also write the results as JSON to `FILE`")
	flag.StringVar(&c.chrome, "chrome", "/usr/bin/chromium", "Chromium's path")
	flag.DurationVar(&c.timeout, "timeout", 3*time.Minute, "longest wait for one edit to show")
	flag.DurationVar(&c.pause, "pause", time.Second, "wait after a page is ready before the next edit")
	flag.DurationVar(&c.jitter, "jitter", 500*time.Millisecond, "longest random wait added to -pause")
	flag.DurationVar(&c.poll, "poll", 5*time.Millisecond, "how often to ask the tab whether it shows the edit")
	flag.Parse()
	if c.url == "" || c.file == "" || c.find == "" || c.n < 1 || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "editlatency:", err)
		os.Exit(1)
	}
}

func run(c config) (err error) {
	orig, err := os.ReadFile(c.file)
	if err != nil {
		return err
	}
	if k := strings.Count(string(orig), c.find); k != 1 {
		return fmt.Errorf("%s: -find occurs %d times, want once", c.file, k)
	}
	info, err := os.Stat(c.file)
	if err != nil {
		return err
	}
	defer func() { // restore the file, whatever happened
		if werr := os.WriteFile(c.file, orig, info.Mode().Perm()); werr != nil && err == nil {
			err = werr
		}
	}()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	profile, err := os.MkdirTemp("", "editlatency-chromium-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	actx, cancelAlloc := testenv.NewAllocator(ctx, c.chrome, profile)
	defer cancelAlloc()
	tab, cancelTab := chromedp.NewContext(actx)
	defer cancelTab()

	if err := chromedp.Do(tab,
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchJS})
			return err
		}),
		chromedp.Navigate(c.url),
	); err != nil {
		return fmt.Errorf("opening %s: %w", c.url, err)
	}
	if err := waitReady(tab, c); err != nil {
		return err
	}
	shown, err := chromedp.Run(tab, chromedp.Evaluate[bool](`document.body.innerText.includes(`+strconv.Quote(c.find)+`)`))
	if err != nil {
		return err
	}
	if !shown {
		return fmt.Errorf("%s does not show -find %q", c.url, c.find)
	}
	skew, err := clockSkew(tab)
	if err != nil {
		return err
	}

	res := Result{URL: c.url, File: c.file, Edits: c.n, Warmup: c.warmup, ClockSkewMS: skew, PID: c.pid}
	runID := strconv.FormatInt(time.Now().UnixMilli()%1e6, 36)
	fmt.Printf("editlatency: %s, editing %s, %d edits after %d not counted\n", c.url, c.file, c.n, c.warmup)
	for i := range c.warmup + c.n {
		marker := fmt.Sprintf("EDIT%s%04d", runID, i)
		ms, err := edit(tab, c, orig, info.Mode().Perm(), marker)
		if err != nil {
			return fmt.Errorf("edit %d (%s): %w", i+1, marker, err)
		}
		if i < c.warmup {
			fmt.Printf("warm-up %d: %.1f ms\n", i+1, ms)
			continue
		}
		res.LatencyMS = append(res.LatencyMS, ms)
		fmt.Printf("edit %d: %.1f ms\n", i+1-c.warmup, ms)
	}

	sorted := slices.Sorted(slices.Values(res.LatencyMS))
	n := len(sorted)
	res.MedianMS = (sorted[(n-1)/2] + sorted[n/2]) / 2
	res.P95MS = sorted[(n*95+99)/100-1]
	res.MaxMS = sorted[n-1]
	fmt.Printf("median %.1f ms, p95 %.1f ms, max %.1f ms (%d edits; browser clock − ours %.2f ms)\n",
		res.MedianMS, res.P95MS, res.MaxMS, n, res.ClockSkewMS)
	if c.pid != 0 {
		res.VmRSSkB, res.VmHWMkB, err = memory(c.pid)
		if err != nil {
			return err
		}
		fmt.Printf("server pid %d: VmRSS %d kB (%.1f MiB), VmHWM %d kB (%.1f MiB)\n",
			c.pid, res.VmRSSkB, float64(res.VmRSSkB)/1024, res.VmHWMkB, float64(res.VmHWMkB)/1024)
	}
	if c.jsonOut != "" {
		data, err := json.MarshalIndent(res, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(c.jsonOut, append(data, '\n'), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// edit writes the file with the marker in place of -find and returns the
// milliseconds until the tab showed it; then waits for the tab to be ready
// for the next edit.
func edit(tab context.Context, c config, orig []byte, perm os.FileMode, marker string) (float64, error) {
	if err := chromedp.Do(tab, chromedp.Evaluate[chromedp.Void](`sessionStorage.setItem('editlatency:marker', `+strconv.Quote(marker)+`)`)); err != nil {
		return 0, err
	}
	text := strings.Replace(string(orig), c.find, marker, 1)
	written := time.Now()
	if err := os.WriteFile(c.file, []byte(text), perm); err != nil {
		return 0, err
	}
	deadline := written.Add(c.timeout)
	for {
		// Errors are expected while the page reloads: ask again.
		seen, err := chromedp.Run(tab, chromedp.Evaluate[struct {
			M string  `json:"m"`
			T float64 `json:"t"`
		}](`window.__editlatency || {m: "", t: 0}`))
		if err == nil && seen.M == marker {
			ms := seen.T - float64(written.UnixNano())/1e6
			if ms < 0 {
				return 0, fmt.Errorf("shown %.2f ms before the write: clocks disagree", -ms)
			}
			return ms, waitReady(tab, c)
		}
		if tab.Err() != nil {
			return 0, tab.Err()
		}
		if time.Now().After(deadline) {
			return 0, fmt.Errorf("not shown after %v", c.timeout)
		}
		time.Sleep(c.poll)
	}
}

// waitReady waits until the page has loaded and can hear of the next
// rebuild, then -pause and a random part of -jitter.
func waitReady(tab context.Context, c config) error {
	deadline := time.Now().Add(c.timeout)
	for {
		if ok, err := chromedp.Run(tab, chromedp.Evaluate[bool](readyJS)); err == nil && ok {
			break
		}
		if tab.Err() != nil {
			return tab.Err()
		}
		if time.Now().After(deadline) {
			return errors.New("the page did not load, or its reload channel did not connect (neither data-dev-reload=connected nor window.LiveReload)")
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(c.pause + rand.N(c.jitter+1))
	return nil
}

// clockSkew is the page's clock minus ours, in milliseconds: the best of 5
// round trips, against their midpoint.
func clockSkew(tab context.Context) (float64, error) {
	best, skew := math.Inf(1), 0.0
	for range 5 {
		before := time.Now()
		t, err := chromedp.Run(tab, chromedp.Evaluate[float64](`performance.timeOrigin + performance.now()`))
		if err != nil {
			return 0, err
		}
		after := time.Now()
		if rtt := float64(after.Sub(before)) / 1e6; rtt < best {
			best = rtt
			skew = t - float64(before.UnixNano()+after.Sub(before).Nanoseconds()/2)/1e6
		}
	}
	return skew, nil
}

// memory reads VmRSS and VmHWM (kB) from /proc/PID/status.
func memory(pid int) (rss, hwm int64, err error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		name, value, ok := strings.Cut(line, ":")
		if !ok || (name != "VmRSS" && name != "VmHWM") {
			continue
		}
		kB, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(value), " kB"), 10, 64)
		if err != nil {
			return 0, 0, fmt.Errorf("/proc/%d/status: %s: %w", pid, line, err)
		}
		if name == "VmRSS" {
			rss = kB
		} else {
			hwm = kB
		}
	}
	if rss == 0 || hwm == 0 {
		return 0, 0, fmt.Errorf("/proc/%d/status: no VmRSS or VmHWM", pid)
	}
	return rss, hwm, nil
}
