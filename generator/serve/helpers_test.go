package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"statements/generator/build"
	"statements/generator/internal/testenv"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"
)

// repoRoot is the repository, two levels up from this package.
var repoRoot = filepath.Join("..", "..")

const (
	cuba     = "content/documents/china-cuba-joint-statement-2025.md"
	cubaPage = "/china-cuba-joint-statement-2025/"
	wait     = 10 * time.Second // for anything that should happen; generous for a loaded CI machine
)

// copySite copies the repository's sources into a temporary directory.
func copySite(t testing.TB) string { return testenv.CopySite(t, repoRoot) }

// copyDir copies a tree, like cp -r.
func copyDir(t testing.TB, src, dst string) { testenv.CopyDir(t, src, dst) }

// logBuffer collects the server's terminal output, safely from several goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// builds counts the rebuilds reported so far (successful or not).
func (l *logBuffer) builds() int {
	n := 0
	for _, line := range strings.Split(l.String(), "\n") {
		if strings.HasPrefix(line, "rebuilt ") || strings.HasPrefix(line, "build failed ") {
			n++
		}
	}
	return n
}

// testQuiet is the quiet period of most tests' servers: longer than the
// default, so that a test descheduled between the truncation and the write
// of a file, on a loaded machine, does not see the empty file built. These
// tests are about what happens, not how fast: defaultTiming restores the
// defaults for those that are (and for the benchmark).
const testQuiet = 100 * time.Millisecond

func defaultTiming(o *Options) { o.Quiet = 0 }

// harness is a dev server on a temporary copy of the site, served over loopback.
type harness struct {
	t      testing.TB
	dir    string
	srv    *Server
	ts     *httptest.Server
	client *http.Client
	log    *logBuffer
}

// start serves a copy of the site (or dir, if not empty). Everything it
// starts stops when the test ends, and the goroutines are checked to have gone.
func start(t testing.TB, dir string, opts ...func(*Options)) *harness {
	t.Helper()
	if dir == "" {
		dir = copySite(t)
	}
	before := goroutines()
	h := &harness{t: t, dir: dir, log: &logBuffer{}}
	o := Options{
		Dirs:   build.Dirs{Content: filepath.Join(dir, "content"), Layouts: filepath.Join(dir, "layouts"), Static: filepath.Join(dir, "static")},
		Stdout: h.log, Stderr: h.log, Quiet: testQuiet,
	}
	for _, f := range opts {
		f(&o)
	}
	srv, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	h.srv = srv
	h.ts = httptest.NewServer(srv)
	h.client = &http.Client{Transport: &http.Transport{}, Timeout: wait}
	t.Cleanup(func() {
		srv.Close()
		h.ts.Close()
		h.client.CloseIdleConnections()
		if t.Failed() {
			t.Logf("server output:\n%s", h.log.String())
		}
		settleGoroutines(t, before, 0)
	})
	return h
}

// goroutines counts the goroutines, but for the clock that the regexp2
// package (of the build's syntax highlighter) runs for a second after its
// last use.
func goroutines() int {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	count := 0
	for _, g := range strings.Split(string(buf), "\n\n") {
		if strings.HasPrefix(g, "goroutine ") && !(strings.Contains(g, "regexp2") && strings.Contains(g, ".runClock(")) {
			count++
		}
	}
	return count
}

// settleGoroutines waits for the number of goroutines to come back to
// want (plus tolerance), and fails the test if it does not.
func settleGoroutines(t testing.TB, want, tolerance int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for goroutines() > want+tolerance {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			buf = buf[:runtime.Stack(buf, true)]
			t.Errorf("%d goroutines, want at most %d:\n%s", goroutines(), want+tolerance, buf)
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (h *harness) path(rel string) string { return filepath.Join(h.dir, filepath.FromSlash(rel)) }

func (h *harness) read(rel string) string {
	h.t.Helper()
	data, err := os.ReadFile(h.path(rel))
	if err != nil {
		h.t.Fatal(err)
	}
	return string(data)
}

func (h *harness) write(rel, data string) {
	h.t.Helper()
	if err := os.WriteFile(h.path(rel), []byte(data), 0o644); err != nil {
		h.t.Fatal(err)
	}
}

// get fetches a path and gives the status and body.
func (h *harness) get(path string) (int, string) {
	h.t.Helper()
	resp, err := h.client.Get(h.ts.URL + path)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		h.t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// settle waits until the rebuilds stop: none under way or waiting, and
// none new for a while (for the events of the last writes to come in); at
// least one since the mark if want is set. It gives how many there were.
func (h *harness) settle(since int, want bool) int {
	h.t.Helper()
	const quietFor = 200 * time.Millisecond
	deadline := time.Now().Add(wait)
	last, lastChange := h.log.builds(), time.Now()
	for time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
		n := h.log.builds()
		if n != last || h.srv.pending.Load() != 0 {
			last, lastChange = n, time.Now()
			continue
		}
		if (!want || n > since) && time.Since(lastChange) >= quietFor {
			return n - since
		}
	}
	h.t.Fatalf("rebuilds did not settle (want one: %v; %d since the mark)", want, last-since)
	return 0
}

// event is one server-sent event.
type event struct {
	name string
	data map[string]any
	at   time.Time
}

// sseClient is an open /_dev/events stream, as a browser tab has.
type sseClient struct {
	t      testing.TB
	events chan event
	cancel context.CancelFunc
	done   chan struct{}
}

// connect opens the event stream and gives it once the hello has come.
func (h *harness) connect() *sseClient {
	h.t.Helper()
	return connectTo(h.t, h.client, h.ts.URL, "")
}

// connectTo opens the event stream at base, as a tab showing page does
// ("" for a client that does not say).
func connectTo(t testing.TB, client *http.Client, base, page string) *sseClient {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	u := base + "/_dev/events"
	if page != "" {
		u += "?page=" + url.QueryEscape(page)
	}
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	c := &http.Client{Transport: client.Transport} // no timeout: the stream stays open
	resp, err := c.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		cancel()
		t.Fatalf("events: %s, %s", resp.Status, resp.Header.Get("Content-Type"))
	}
	s := &sseClient{t: t, events: make(chan event, 1000), cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(s.done)
		defer close(s.events)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		var name, data string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if name != "" {
					ev := event{name: name, at: time.Now()}
					if err := json.Unmarshal([]byte(data), &ev.data); err != nil {
						t.Errorf("event %s: data %q: %v", name, data, err)
					}
					s.events <- ev
				}
				name, data = "", ""
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				data += strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	t.Cleanup(s.close)
	if ev := s.next(); ev.name != "hello" {
		t.Fatalf("first event %q, want hello", ev.name)
	}
	return s
}

func (s *sseClient) close() {
	s.cancel()
	<-s.done
}

// next waits for the next event.
func (s *sseClient) next() event {
	s.t.Helper()
	select {
	case ev, ok := <-s.events:
		if !ok {
			s.t.Fatal("the event stream ended")
		}
		return ev
	case <-time.After(wait):
		s.t.Fatal("no event came")
	}
	return event{}
}

// drain gives the events received so far, without waiting.
func (s *sseClient) drain() []event {
	var evs []event
	for {
		select {
		case ev, ok := <-s.events:
			if !ok {
				return evs
			}
			evs = append(evs, ev)
		default:
			return evs
		}
	}
}

// names lists the names of events: "reload", "error", ….
func names(evs []event) []string {
	var n []string
	for _, ev := range evs {
		n = append(n, ev.name)
	}
	return n
}

// paragraphEdit is a valid edit of a document (the China–Cuba statement,
// mostly): marker put into the first paragraph after the front matter (after its first character,
// so that nothing about its numbering or punctuation changes). It gives
// the new file.
func paragraphEdit(t testing.TB, text, marker string) string {
	t.Helper()
	lines := strings.SplitAfter(text, "\n")
	fences := 0
	for i, line := range lines {
		if strings.TrimSpace(line) == "---" {
			fences++
			continue
		}
		if fences >= 2 && strings.TrimSpace(line) != "" {
			_, size := utf8.DecodeRuneInString(line)
			lines[i] = line[:size] + marker + line[size:]
			return strings.Join(lines, "")
		}
	}
	t.Fatal("no paragraph after the front matter")
	return ""
}

// cubaBreak gives the broken-numbering edit of the China–Cuba statement
// and the start of the error it should cause.
func cubaBreak(t testing.TB, text string) (broken, want string) {
	t.Helper()
	const old, new = "四、古方重申", "五、古方重申"
	i := strings.Index(text, old)
	if i < 0 {
		t.Fatalf("%s does not contain %q", cuba, old)
	}
	line := strings.Count(text[:i], "\n") + 1
	return strings.Replace(text, old, new, 1), cuba + ":" + strconv.Itoa(line) + ": numbering skips"
}
