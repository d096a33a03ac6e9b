package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// profiles are the build's optional profiles, for `go tool pprof`: where the
// time goes (-cpuprofile) and what is still held once every page is written
// (-memprofile), the figures BENCHMARKS.md explains.
type profiles struct {
	cpu, heap string
}

func (p *profiles) addFlags(fl *flag.FlagSet) {
	fl.StringVar(&p.cpu, "cpuprofile", "", "write a CPU profile of the build to `file`")
	fl.StringVar(&p.heap, "memprofile", "", "write a heap profile to `file` once the site is built, before it is swapped in")
}

// start begins the CPU profile, if asked; the function it returns ends it.
func (p *profiles) start() (stop func(), err error) {
	if p.cpu == "" {
		return func() {}, nil
	}
	f, err := os.Create(p.cpu)
	if err != nil {
		return nil, fmt.Errorf("-cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("-cpuprofile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// writeHeap writes the heap profile, if asked, after a collection, so that
// it shows what the build still holds.
func (p *profiles) writeHeap() error {
	if p.heap == "" {
		return nil
	}
	f, err := os.Create(p.heap)
	if err != nil {
		return fmt.Errorf("-memprofile: %w", err)
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("-memprofile: %w", err)
	}
	return f.Close()
}
