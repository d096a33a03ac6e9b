package serve

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"path"
	"slices"
	"strings"
	"sync"
	"time"
)

// broker sends server-sent events to the open tabs, on /_dev/events:
//
//	hello   on connect: {"build": id, "changedAt": ms since 1970}, the build
//	        served and when its output last changed; followed by
//	error   if the last build failed: {"message": "file:line: message"}
//	reload  after a build that changed the output, or that fixed a failed one:
//	        {"build": id, "pages": ["/x/", "/404.html"], "morePages": n,
//	        "files": ["/site.css", "/data/x.json"], "moreFiles": n, "css": bool}:
//	        the changed HTML pages and the other changed files, stylesheets
//	        and scripts first, each list cut short with the count of the
//	        rest; css is true when only stylesheets changed. A tab that
//	        named its page (/_dev/events?page=/x/) is also told whether
//	        the file served at that path changed, "page": "same" or
//	        "changed", and when it did gets it as served, "html"
//
// Sends never block: a client too slow to take its events is disconnected,
// and its EventSource connects again and is told the state anew.
type broker struct {
	mu      sync.Mutex
	clients map[chan []byte]string // each tab's page, a site path, or ""
	build   string                 // id of the build served, "" before the first good build
	changed time.Time              // when the served output last changed
	err     string                 // the last build's error, "" if it succeeded
	closed  bool
	done    chan struct{} // closed by close
}

const (
	clientBuffer   = 16
	maxPages       = 200 // changed pages listed in a reload event: a tab updates itself if it is one
	maxFiles       = 50  // other changed files listed
	retryMillis    = 500
	keepAlive      = 15 * time.Second
	writeTimeout   = 10 * time.Second
	eventsEndpoint = "/_dev/events"
)

func newBroker() *broker {
	return &broker{clients: map[chan []byte]string{}, done: make(chan struct{})}
}

func message(event string, data any) []byte {
	j, err := json.Marshal(data)
	if err != nil {
		panic(err) // only maps of strings, numbers and bools are sent
	}
	return fmt.Appendf(nil, "event: %s\ndata: %s\n\n", event, j)
}

// subscribe adds a client showing page (a site path, or "") and gives
// what to send it first: the current state. ok is false once the broker
// is closed.
func (b *broker) subscribe(page string) (ch chan []byte, first [][]byte, ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil, nil, false
	}
	ch = make(chan []byte, clientBuffer)
	b.clients[ch] = page
	first = append(first, fmt.Appendf(nil, "retry: %d\n\n", retryMillis),
		message("hello", map[string]any{"build": b.build, "changedAt": b.changed.UnixMilli()}))
	if b.err != "" {
		first = append(first, message("error", map[string]any{"message": b.err}))
	}
	return ch, first, true
}

func (b *broker) unsubscribe(ch chan []byte) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.clients[ch]; ok {
		delete(b.clients, ch)
		close(ch)
	}
}

// ready sets the state after the first build, before any client can connect.
func (b *broker) ready(build, err string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.build, b.err, b.changed = build, err, time.Now()
}

// reload records a new good build and tells every client which site
// paths changed; a client that named its page, whether it changed, and
// its new HTML if it did, from snap.
func (b *broker) reload(build string, changed []string, css bool, snap *snapshot) {
	var pages, files []string
	for _, name := range changed {
		if strings.HasSuffix(name, ".html") {
			pages = append(pages, name)
		} else {
			files = append(files, name)
		}
	}
	// Stylesheets and scripts first: a tab must hear of those it loaded.
	slices.SortStableFunc(files, func(x, y string) int { return cmp.Compare(loadedRank(x), loadedRank(y)) })
	list := func(names []string, most int) (urls []string, more int) {
		urls = make([]string, 0, min(len(names), most))
		for _, name := range names[:min(len(names), most)] {
			urls = append(urls, sitePath(name))
		}
		return urls, len(names) - len(urls)
	}
	pageURLs, morePages := list(pages, maxPages)
	fileURLs, moreFiles := list(files, maxFiles)
	data := map[string]any{"build": build, "pages": pageURLs, "morePages": morePages,
		"files": fileURLs, "moreFiles": moreFiles, "css": css}
	msg := message("reload", data)
	isChanged := make(map[string]bool, len(changed))
	for _, name := range changed {
		isChanged[name] = true
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.build, b.err, b.changed = build, "", time.Now()
	perPage := map[string][]byte{} // a message for each page the clients show
	for ch, page := range b.clients {
		m := msg
		if page != "" {
			if m = perPage[page]; m == nil {
				m = pageMessage(data, page, snap, isChanged)
				perPage[page] = m
			}
		}
		b.sendTo(ch, m)
	}
}

// pageMessage is the reload event for a client showing page: data, and
// whether the file served at page changed, with its new body if so.
func pageMessage(data map[string]any, page string, snap *snapshot, isChanged map[string]bool) []byte {
	name, f := snap.served(page)
	own := maps.Clone(data)
	own["page"] = "same"
	if f != nil && isChanged[name] {
		own["page"], own["html"] = "changed", string(f.body())
	}
	return message("reload", own)
}

// fail records a failed build and tells every client.
func (b *broker) fail(err string) {
	msg := message("error", map[string]any{"message": err})
	b.mu.Lock()
	defer b.mu.Unlock()
	b.err = err
	b.send(msg)
}

// send queues msg for every client; b.mu is held.
func (b *broker) send(msg []byte) {
	for ch := range b.clients {
		b.sendTo(ch, msg)
	}
}

// sendTo queues msg for one client; b.mu is held.
func (b *broker) sendTo(ch chan []byte, msg []byte) {
	select {
	case ch <- msg:
	default: // too slow: drop it; it will connect again
		delete(b.clients, ch)
		close(ch)
	}
}

// close ends every stream and refuses new ones.
func (b *broker) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return
	}
	b.closed = true
	close(b.done)
	for ch := range b.clients {
		delete(b.clients, ch)
		close(ch)
	}
}

// ServeHTTP streams events to one client until it goes, it is too slow, or
// the broker closes.
func (b *broker) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ch, first, ok := b.subscribe(r.URL.Query().Get("page"))
	if !ok {
		http.Error(w, "the server is shutting down", http.StatusServiceUnavailable)
		return
	}
	defer b.unsubscribe(ch)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	rc := http.NewResponseController(w)
	write := func(msgs ...[]byte) bool {
		rc.SetWriteDeadline(time.Now().Add(writeTimeout))
		for _, m := range msgs {
			if _, err := w.Write(m); err != nil {
				return false
			}
		}
		return rc.Flush() == nil
	}
	if !write(first...) {
		return
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-b.done:
			return
		case m, ok := <-ch:
			if !ok || !write(m) {
				return
			}
		case <-tick.C:
			if !write([]byte(": keep-alive\n\n")) {
				return
			}
		}
	}
}

// loadedRank orders changed files by how likely a page is to have loaded
// them: stylesheets, then scripts, then the rest.
func loadedRank(name string) int {
	switch path.Ext(name) {
	case ".css":
		return 0
	case ".js", ".mjs":
		return 1
	}
	return 2
}
