package serve

import (
	"fmt"
	"os"
	"runtime/debug"
	"slices"
	"testing"
	"time"
)

// BenchmarkEditToReload measures the time from writing a file to an open
// tab receiving the reload event: batching, building, diffing and sending.
// It makes max(b.N, 50) edits and reports the median and 95th percentile,
// with the garbage collector set as the serve command sets it:
//
//	go test -run '^$' -bench EditToReload -benchtime 100x ./generator/serve
func BenchmarkEditToReload(b *testing.B) {
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	h := start(b, "", defaultTiming)
	c := h.connect()
	text := h.read(cuba)
	n := max(b.N, 50)
	took := make([]time.Duration, 0, n)
	b.ResetTimer()
	for i := range n {
		edited := paragraphEdit(b, text, fmt.Sprintf("BENCH-%d-", i))
		written := time.Now()
		h.write(cuba, edited)
		ev := c.next()
		if ev.name != "reload" {
			b.Fatalf("edit %d: %s event, want reload", i, ev.name)
		}
		took = append(took, ev.at.Sub(written))
		for h.srv.pending.Load() != 0 { // the rebuild loop is done with it
			time.Sleep(time.Millisecond)
		}
	}
	b.StopTimer()
	slices.Sort(took)
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(took[len(took)/2]), "p50-ms")
	b.ReportMetric(ms(took[(len(took)*95+99)/100-1]), "p95-ms")
	b.ReportMetric(ms(took[len(took)-1]), "max-ms")
	b.ReportMetric(float64(n), "edits")
}
