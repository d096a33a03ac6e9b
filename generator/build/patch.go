package build

import (
	"bytes"
	"maps"
	"slices"
	"sync"
)

// patchOutput is a Builder's Output: the files of its previous build,
// patched in place with what this build makes. A unit kept from the
// previous build is not put again (its files are there, the very same
// bytes), so the work of a build's output is proportional to what it made
// anew (at a thousand documents a copy of the map of every file would cost
// more than the rest of an edit's output); the build learns which paths
// changed (Site.Changed) without comparing every file; and a failed build
// gives the map back as it was (undo).
type patchOutput struct {
	mu      sync.Mutex
	files   map[string][]byte // the previous build's files, then this one's
	seen    map[string]bool   // the paths put by this build
	others  map[string]bool   // of those, the paths not of a unit (indexes, feeds, static files)
	changed map[string]bool   // the paths whose bytes are new, or that were removed
	before  map[string]prior  // what the paths this build touched held before it
}

// prior is what a path held before a build: a file, or none.
type prior struct {
	data []byte
	ok   bool
}

// newPatchOutput starts from the files of the previous build (nil for
// none), which it changes, and the paths of those not of a unit. A build
// puts or keeps about as many of those again (at N=1000, 65,000 search
// index shards): the maps of what it puts start at that size rather than
// grow to it.
func newPatchOutput(last map[string][]byte, lastOthers map[string]bool) *patchOutput {
	files := last
	if files == nil {
		files = map[string][]byte{}
	}
	return &patchOutput{files: files, seen: make(map[string]bool, len(lastOthers)), others: make(map[string]bool, len(lastOthers)),
		changed: map[string]bool{}, before: map[string]prior{}}
}

// Put takes a file that is not of a unit.
func (p *patchOutput) Put(name string, data []byte) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.others[name] = true
	p.put(name, data)
	return nil
}

// keepingOutput is an Output that holds the previous build's files, and
// can keep one that is not a unit's without taking it again.
type keepingOutput interface {
	// same says whether the previous build put the very bytes data at
	// name (the same slice, as a cache gives it again), and this build
	// has not put that path yet.
	same(name string, data []byte) bool
	// keep takes that file, not a unit's, as it is.
	keep(name string)
}

func (p *patchOutput) same(name string, data []byte) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	old, ok := p.files[name]
	return ok && !p.seen[name] && len(old) == len(data) && (len(data) == 0 || &old[0] == &data[0])
}

func (p *patchOutput) keep(name string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.seen[name], p.others[name] = true, true
}

// putUnit takes a unit's files, unless it is kept from the previous build.
func (p *patchOutput) putUnit(u *unit, kept bool) error {
	if kept {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, f := range u.files {
		p.put(f.name, f.data)
	}
	return nil
}

// put records a file; the caller holds p.mu. Bytes equal to the
// previous build's are not a change.
func (p *patchOutput) put(name string, data []byte) {
	p.seen[name] = true
	old, ok := p.files[name]
	if !ok || !bytes.Equal(old, data) {
		p.changed[name] = true
	}
	p.touch(name, old, ok)
	p.files[name] = data
}

// touch remembers what a path held before this build first changed it.
func (p *patchOutput) touch(name string, data []byte, ok bool) {
	if _, touched := p.before[name]; !touched {
		p.before[name] = prior{data, ok}
	}
}

// undo gives the files back as they were before this build.
func (p *patchOutput) undo() {
	for name, old := range p.before {
		if old.ok {
			p.files[name] = old.data
		} else {
			delete(p.files, name)
		}
	}
}

// finish removes the previous build's files that this build did not make:
// those of its units that this build has not (dropped) and those it put
// apart from units (lastOthers). It gives the paths changed, sorted.
func (p *patchOutput) finish(dropped []*unit, lastOthers map[string]bool) []string {
	remove := func(name string) {
		if old, ok := p.files[name]; ok && !p.seen[name] {
			p.touch(name, old, true)
			delete(p.files, name)
			p.changed[name] = true
		}
	}
	for _, u := range dropped {
		for _, f := range u.files {
			remove(f.name)
		}
	}
	for name := range lastOthers {
		remove(name)
	}
	return slices.Sorted(maps.Keys(p.changed))
}
