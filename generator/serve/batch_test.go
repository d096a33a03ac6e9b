package serve

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"

	"statements/generator/build"
)

// startBatcher runs a batcher with its channels, stopped when the test ends.
func startBatcher(t *testing.T, quiet, maxDelay time.Duration) (chan<- change, <-chan batch, *atomic.Int64) {
	in, out := make(chan change), make(chan batch)
	var pending atomic.Int64
	bt := &batcher{quiet: quiet, maxDelay: maxDelay, settle: time.Millisecond, in: in, out: out, pending: &pending}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); bt.run(ctx) }()
	t.Cleanup(func() { cancel(); wg.Wait() })
	return in, out, &pending
}

func TestBatchCoalesces(t *testing.T) {
	in, out, pending := startBatcher(t, 20*time.Millisecond, time.Second)
	start := time.Now()
	for _, c := range []change{{"a", fsnotify.Write}, {"b", fsnotify.Create}, {"a", fsnotify.Write}} {
		in <- c
	}
	b := <-out
	if took := time.Since(start); took < 20*time.Millisecond || took > 2*time.Second {
		t.Errorf("batch after %v, want after the 20 ms quiet period", took)
	}
	if !slices.Equal(b.paths, []string{"a", "b"}) {
		t.Errorf("paths %v, want [a b]", b.paths)
	}
	if pending.Load() != 1 {
		t.Errorf("pending %d, want 1 until the rebuild is done", pending.Load())
	}
	select {
	case b := <-out:
		t.Errorf("a second batch %v with no change", b.paths)
	case <-time.After(100 * time.Millisecond):
	}
}

// A stream that never pauses still gives a batch every maxDelay.
func TestBatchMaxDelay(t *testing.T) {
	in, out, _ := startBatcher(t, 20*time.Millisecond, 100*time.Millisecond)
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			case in <- change{fmt.Sprint(i), fsnotify.Write}:
			}
			time.Sleep(5 * time.Millisecond)
		}
	}()
	start := time.Now()
	var got int
	for got < 3 {
		select {
		case <-out:
			got++
		case <-time.After(2 * time.Second):
			t.Fatalf("%d batches in %v of a never-ending stream", got, time.Since(start))
		}
	}
	close(stop)
	<-done
	if took := time.Since(start); took > 1500*time.Millisecond {
		t.Errorf("3 batches took %v, want about 300 ms", took)
	}
}

// Changes that come while the receiver is busy are kept, merged, and
// given to it when it is ready: none lost, no second receiver needed.
func TestBatchWaitsForTheRebuild(t *testing.T) {
	in, out, pending := startBatcher(t, 10*time.Millisecond, 50*time.Millisecond)
	in <- change{"a", fsnotify.Write}
	time.Sleep(100 * time.Millisecond) // ready, but nobody takes it
	in <- change{"b", fsnotify.Write}
	time.Sleep(100 * time.Millisecond)
	in <- change{"c", fsnotify.Write}
	b := <-out
	if !slices.Equal(b.paths, []string{"a", "b", "c"}) {
		t.Errorf("paths %v, want [a b c]", b.paths)
	}
	in <- change{"d", fsnotify.Write}
	if b := <-out; !slices.Equal(b.paths, []string{"d"}) {
		t.Errorf("next batch %v, want [d]", b.paths)
	}
	if pending.Load() != 2 {
		t.Errorf("pending %d, want 2 (nothing rebuilt yet)", pending.Load())
	}
}

// Temporary files, created and gone within a batch, are not named.
func TestBatchShown(t *testing.T) {
	b := batch{transient: map[string]bool{}}
	seen := map[string]bool{}
	for _, c := range []change{
		{"static/sedX1", fsnotify.Create}, {"static/sedX1", fsnotify.Write}, {"static/sedX1", fsnotify.Rename},
		{"static/site.css", fsnotify.Create},
		{"static/old.css", fsnotify.Remove},
		{"static/back", fsnotify.Create}, {"static/back", fsnotify.Remove}, {"static/back", fsnotify.Create},
	} {
		b.track(c, !seen[c.name])
		if !seen[c.name] {
			seen[c.name] = true
			b.paths = append(b.paths, c.name)
		}
	}
	if got := b.shown(); !slices.Equal(got, []string{"static/site.css", "static/old.css", "static/back"}) {
		t.Errorf("shown %v", got)
	}
}

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		"4913": true, "5036": true, "5159": true, ".x.md.swp": true, ".x.md.swx": true, ".x.md.swo": true, "x.md~": true,
		"x.md___jb_tmp___": true, "x.md___jb_old___": true, ".#x.md": true, "#x.md#": true,
		"x.md": false, "site.css": false, "4914": false, "04913": false, "2025.md": false, "#": false, "a#b#": false,
	} {
		if ignored(name) != want {
			t.Errorf("ignored(%q) = %v, want %v", name, !want, want)
		}
	}
}

// A pause of settle signals early, well before the batch is complete.
func TestBatchSignalsEarly(t *testing.T) {
	in, out, early := make(chan change), make(chan batch), make(chan struct{}, 1)
	var pending atomic.Int64
	bt := &batcher{quiet: 200 * time.Millisecond, maxDelay: 5 * time.Second, settle: 2 * time.Millisecond, in: in, out: out, early: early, pending: &pending}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); bt.run(ctx) }()
	defer func() { cancel(); wg.Wait() }()

	start := time.Now()
	in <- change{"a", fsnotify.Write}
	in <- change{"a", fsnotify.Write}
	select {
	case <-early:
	case <-out:
		t.Fatal("the batch came before the early signal")
	}
	b := <-out
	if since := time.Since(start); since < 200*time.Millisecond {
		t.Errorf("batch after %v, before the quiet period", since)
	}
	if b.last.Before(b.first) || b.last.After(time.Now()) {
		t.Errorf("first %v, last %v", b.first, b.last)
	}
}

// The rebuilder uses a speculative build only for a batch whose changes all
// came before it began; otherwise it builds again.
func TestRebuildSpeculation(t *testing.T) {
	var builds atomic.Int64
	r := &rebuilder{
		build: func(build.Config) (*build.Site, error) {
			n := builds.Add(1)
			return &build.Site{Files: map[string][]byte{"n.txt": []byte(fmt.Sprint(n))}}, nil
		},
		site: &atomic.Pointer[snapshot]{}, events: newBroker(), log: newLogger(nil, nil), pending: &atomic.Int64{},
	}
	batches, early := make(chan batch), make(chan struct{}, 1)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); r.run(ctx, batches, early) }()
	defer func() { cancel(); wg.Wait() }()

	waitFor := func(what string, cond func() bool) {
		t.Helper()
		for deadline := time.Now().Add(wait); !cond(); time.Sleep(time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("waiting for %s", what)
			}
		}
	}
	served := func() string { return string(r.site.Load().files["n.txt"].body) }
	rebuild := func(b batch) {
		t.Helper()
		r.pending.Store(1)
		batches <- b
		waitFor("the rebuild", func() bool { return r.pending.Load() == 0 })
	}

	// The changes came before the speculative build: it is served.
	last := time.Now()
	early <- struct{}{}
	waitFor("the speculative build", func() bool { return builds.Load() == 1 })
	rebuild(batch{paths: []string{"a"}, last: last})
	if builds.Load() != 1 || served() != "1" {
		t.Errorf("%d builds, serving build %s; want the speculative one", builds.Load(), served())
	}

	// A change came after it began: built again.
	early <- struct{}{}
	waitFor("the speculative build", func() bool { return builds.Load() == 2 })
	rebuild(batch{paths: []string{"b"}, last: time.Now()})
	if builds.Load() != 3 || served() != "3" {
		t.Errorf("%d builds, serving build %s; want a new build", builds.Load(), served())
	}

	// No speculation: one build.
	rebuild(batch{paths: []string{"c"}, last: time.Now()})
	if builds.Load() != 4 || served() != "4" {
		t.Errorf("%d builds, serving build %s", builds.Load(), served())
	}
}
