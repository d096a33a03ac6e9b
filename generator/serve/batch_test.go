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
