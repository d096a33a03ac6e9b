package serve

import (
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// openFiles counts this process's open file descriptors.
func openFiles(t *testing.T) int {
	t.Helper()
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skipf("cannot count open files: %v", err)
	}
	return len(fds)
}

// settleFiles waits for the open files to come back to want (plus tolerance).
func settleFiles(t *testing.T, want, tolerance int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for openFiles(t) > want+tolerance {
		if time.Now().After(deadline) {
			t.Errorf("%d open files, want at most %d", openFiles(t), want+tolerance)
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// 200 random edits, valid and broken, while clients keep asking for pages
// that exist in every build: none of those requests fails, and open files
// and goroutines come back to where they were.
func TestSoak(t *testing.T) {
	if testing.Short() {
		t.Skip("soak test")
	}
	fdsBefore := openFiles(t)
	goBefore := goroutines()
	h := start(t, "", defaultTiming)
	good := h.read(cuba)
	broken, _ := cubaBreak(t, good)
	css := h.read("static/site.css")
	pages := []string{"/", cubaPage, cubaPage + "index.md", "/site.css", "/404.html", "/_dev/reload.js"}
	fdsRunning, goRunning := openFiles(t), goroutines()

	// Clients: two open tabs, and four readers asking for pages without pause.
	tabs := []*sseClient{h.connect(), h.connect()}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var requests, failures atomic.Int64
	var failMu sync.Mutex
	var failed []string
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				p := pages[i%len(pages)]
				resp, err := h.client.Get(h.ts.URL + p)
				code := 0
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					code = resp.StatusCode
				}
				requests.Add(1)
				if err != nil || code != http.StatusOK {
					failures.Add(1)
					failMu.Lock()
					failed = append(failed, fmt.Sprintf("GET %s: %d %v", p, code, err))
					failMu.Unlock()
				}
			}
		}()
	}

	rng := rand.New(rand.NewPCG(1, 2))
	start := time.Now()
	var last string
	for i := range 200 {
		switch rng.IntN(6) {
		case 0, 1: // a valid edit
			last = fmt.Sprintf("SOAK-%03d-", i)
			h.write(cuba, paragraphEdit(t, good, last))
		case 2: // a broken one
			h.write(cuba, broken)
		case 3: // the same, saved atomically
			last = fmt.Sprintf("SOAK-%03d-", i)
			tmp := h.path(cuba + ".tmp")
			os.WriteFile(tmp, []byte(paragraphEdit(t, good, last)), 0o644)
			os.Rename(tmp, h.path(cuba))
		case 4: // the stylesheet
			h.write("static/site.css", css+fmt.Sprintf("\n/* %d */\n", i))
		case 5: // a static file comes or goes
			p := h.path(fmt.Sprintf("static/soak-%d.txt", rng.IntN(5)))
			if _, err := os.Stat(p); err == nil {
				os.Remove(p)
			} else {
				os.WriteFile(p, []byte("soak"), 0o644)
			}
		}
		time.Sleep(time.Duration(rng.IntN(40)) * time.Millisecond)
	}
	last = "SOAK-END-"
	h.write(cuba, paragraphEdit(t, good, last))
	h.settle(0, false)
	took := time.Since(start)
	close(stop)
	wg.Wait()

	if _, body := h.get(cubaPage); !strings.Contains(body, last) {
		t.Errorf("the page does not have the last edit %s", last)
	}
	for i, c := range tabs {
		evs := c.drain()
		if reloads(evs) == 0 {
			t.Errorf("tab %d: no reload in %d events", i, len(evs))
		}
		c.close()
	}
	t.Logf("200 edits in %v: %d rebuilds, %d requests, %d failed", took, h.log.builds(), requests.Load(), failures.Load())
	if failures.Load() > 0 {
		t.Errorf("%d of %d requests failed, for pages that exist in every build; first: %v", failures.Load(), requests.Load(), failed[:min(len(failed), 5)])
	}
	if h.log.builds() > 200 {
		t.Errorf("%d rebuilds for 200 edits", h.log.builds())
	}

	// Back to the level of a server at rest, then of no server at all.
	h.client.CloseIdleConnections()
	settleGoroutines(t, goRunning, 1)
	settleFiles(t, fdsRunning, 1)
	h.srv.Close()
	h.ts.Close()
	settleGoroutines(t, goBefore, 0)
	settleFiles(t, fdsBefore, 0)
}
