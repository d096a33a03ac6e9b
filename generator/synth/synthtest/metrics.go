package synthtest

import (
	"runtime/metrics"
	"sync"
	"testing"
	"time"
)

// heapSample is the runtime metric sampled for the peak: the bytes of heap
// memory occupied by objects, live or not yet swept.
const heapSample = "/memory/classes/heap/objects:bytes"

// PeakHeap samples the heap every millisecond and keeps the highest value.
type PeakHeap struct {
	stop chan struct{}
	done sync.WaitGroup
	peak uint64
}

// StartPeakHeap starts sampling.
func StartPeakHeap() *PeakHeap {
	p := &PeakHeap{stop: make(chan struct{})}
	p.done.Add(1)
	go p.run()
	return p
}

func (p *PeakHeap) run() {
	defer p.done.Done()
	sample := []metrics.Sample{{Name: heapSample}}
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for {
		metrics.Read(sample)
		p.peak = max(p.peak, sample[0].Value.Uint64())
		select {
		case <-p.stop:
			return
		case <-tick.C:
		}
	}
}

// Stop stops sampling and gives the highest heap seen, in bytes.
func (p *PeakHeap) Stop() uint64 {
	close(p.stop)
	p.done.Wait()
	return p.peak
}

// Measure runs the benchmark loop, op once per iteration, sampling the peak
// heap. Beside the standard metrics it reports ns/page (pages is how many
// pages the site has), peak-heap-B, and what op returns, in unit: the bytes
// of output of a stage that makes files ("output-B"), or what another counts.
func Measure(b *testing.B, pages int, unit string, op func() int) {
	b.Helper()
	b.ReportAllocs()
	peak := StartPeakHeap()
	out := 0
	for b.Loop() {
		out = op()
	}
	b.ReportMetric(float64(peak.Stop()), "peak-heap-B")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(pages), "ns/page")
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(out), unit)
}

// Size is the total size of a site's files.
func Size(files map[string][]byte) int {
	n := 0
	for _, data := range files {
		n += len(data)
	}
	return n
}
