package build

import (
	"bytes"
	"maps"
	"slices"
	"sync"
)

// patchOutput is a Builder's Output: the files of its previous build,
// patched with what this build makes. A unit kept from the previous build
// is not put again (its files are there, the very same bytes), so the work
// of a build's output is proportional to what it made anew; and the build
// learns which paths changed (Site.Changed) without comparing every file.
type patchOutput struct {
	mu      sync.Mutex
	files   map[string][]byte // the previous build's files, then this one's
	seen    map[string]bool   // the paths put by this build
	others  map[string]bool   // of those, the paths not of a unit (indexes, feeds, static files)
	changed map[string]bool   // the paths whose bytes are new, or that were removed
}

// newPatchOutput starts from the files of the previous build (nil for none).
func newPatchOutput(last map[string][]byte) *patchOutput {
	files := maps.Clone(last)
	if files == nil {
		files = map[string][]byte{}
	}
	return &patchOutput{files: files, seen: map[string]bool{}, others: map[string]bool{}, changed: map[string]bool{}}
}

// Put takes a file that is not of a unit.
func (p *patchOutput) Put(name string, data []byte) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.others[name] = true
	p.put(name, data)
	return nil
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
	if old, ok := p.files[name]; !ok || !bytes.Equal(old, data) {
		p.changed[name] = true
	}
	p.files[name] = data
}

// finish removes the previous build's files that this build did not make:
// those of its units that this build has not (dropped) and those it put
// apart from units (lastOthers). It gives the paths changed, sorted.
func (p *patchOutput) finish(dropped []*unit, lastOthers map[string]bool) []string {
	remove := func(name string) {
		if _, ok := p.files[name]; ok && !p.seen[name] {
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
