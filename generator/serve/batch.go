package serve

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"
)

// batch is the changes one rebuild answers.
type batch struct {
	paths      []string  // changed paths, as named in messages, in order of first change, each once
	first      time.Time // when the first of them arrived
	last       time.Time // when the last of them arrived
	speculated bool      // early was signalled for it
	// transient are the paths created and then removed or renamed away
	// within the batch: an editor's or sed's temporary file, for instance.
	transient map[string]bool
}

// track records one more change of a path already in the batch or new to it.
func (b *batch) track(c change, isNew bool) {
	gone := c.op.Has(fsnotify.Remove) || c.op.Has(fsnotify.Rename)
	switch {
	case isNew && c.op.Has(fsnotify.Create) && !gone:
		b.transient[c.name] = false // created here: transient if it goes again
	case gone:
		if _, created := b.transient[c.name]; created {
			b.transient[c.name] = true
		}
	case c.op.Has(fsnotify.Create):
		if _, created := b.transient[c.name]; created {
			b.transient[c.name] = false // back again
		}
	}
}

// shown are the paths worth naming: all but the transient ones, unless
// that leaves none.
func (b batch) shown() []string {
	var shown []string
	for _, p := range b.paths {
		if !b.transient[p] {
			shown = append(shown, p)
		}
	}
	if len(shown) == 0 {
		return b.paths
	}
	return shown
}

// Default timing of batching. One save is often several events (truncate,
// write; or write a temporary file, rename it over), a branch switch
// hundreds: a batch is complete once the events pause for quiet, or
// maxDelay after its first event, so that a never-ending stream still
// rebuilds. The first pause of settle in a batch starts a build on
// speculation (see rebuilder.run): most saves are over within a millisecond.
const (
	defaultQuiet    = 20 * time.Millisecond
	defaultMaxDelay = 250 * time.Millisecond
	defaultSettle   = 3 * time.Millisecond
)

// batcher coalesces changed paths into batches.
type batcher struct {
	quiet, maxDelay, settle time.Duration
	in                      <-chan change
	out                     chan<- batch    // complete batches, one at a time
	early                   chan<- struct{} // the first pause of settle in a batch: buffered, may be nil
	// pending counts the batches begun and not yet rebuilt: the batcher
	// adds one when a batch begins, the rebuilder takes it away when done.
	pending *atomic.Int64
}

// run coalesces changes from in into batches on out, until in is closed
// or ctx is done. A complete batch is held (and goes on growing) until the
// receiver on out takes it, so that a change arriving during a rebuild is
// never lost and never starts a second rebuild in parallel: it waits for
// the next one.
func (bt *batcher) run(ctx context.Context) {
	newTimer := func() *time.Timer {
		t := time.NewTimer(time.Hour)
		t.Stop()
		return t
	}
	quietTimer, maxTimer, settleTimer := newTimer(), newTimer(), newTimer()
	defer quietTimer.Stop()
	defer maxTimer.Stop()
	defer settleTimer.Stop()

	cur := batch{transient: map[string]bool{}}
	seen := map[string]bool{}
	ready := false
	for {
		var send chan<- batch
		if ready {
			send = bt.out
		}
		select {
		case <-ctx.Done():
			return
		case c, ok := <-bt.in:
			if !ok {
				return
			}
			now := time.Now()
			if len(cur.paths) == 0 {
				bt.pending.Add(1)
				cur.first = now
				maxTimer.Reset(bt.maxDelay)
			}
			cur.last = now
			cur.track(c, !seen[c.name])
			if !seen[c.name] {
				seen[c.name] = true
				cur.paths = append(cur.paths, c.name)
			}
			if !ready {
				quietTimer.Reset(bt.quiet)
			}
			settleTimer.Reset(bt.settle)
		case <-settleTimer.C:
			if cur.speculated || len(cur.paths) == 0 {
				break // once a batch: a stream of changes must not keep the builds busy
			}
			cur.speculated = true
			select {
			case bt.early <- struct{}{}:
			default: // one signal is waiting already, or nobody listens
			}
		case <-quietTimer.C:
			ready = true
			maxTimer.Stop()
		case <-maxTimer.C:
			ready = true
			quietTimer.Stop()
		case send <- cur:
			cur = batch{transient: map[string]bool{}}
			seen = map[string]bool{}
			ready = false
		}
	}
}
