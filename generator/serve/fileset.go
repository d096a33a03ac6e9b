package serve

import (
	"iter"
	"maps"
)

// fileSet is a snapshot's files by site path. A rebuild's snapshot is
// its parent's with a few files changed (patchSnapshot): rather than copy
// the parent's map of every file (at N=1000, 142,000 of them, about 15 ms
// per edit), the two share it, and each holds its own changes over it.
// The shared map is never changed once shared; when the changes grow to a
// fraction of it, a patch folds them into a new map, so the copies cost
// a few entries per change on average.
type fileSet struct {
	shared map[string]*file // never changed once a fileSet holds it
	own    map[string]*file // this set's changes over shared: nil for a path removed
	n      int              // how many files
}

// foldAt is how many changes, as a fraction of the shared files, a set
// holds before a patch folds them into a new shared map.
const foldAt = 8

// newFileSet is an empty set of about size files.
func newFileSet(size int) fileSet {
	return fileSet{shared: make(map[string]*file, size), own: map[string]*file{}}
}

// get is the file at name, nil for none.
func (s *fileSet) get(name string) *file {
	if f, ok := s.own[name]; ok {
		return f
	}
	return s.shared[name]
}

// len is how many files there are.
func (s *fileSet) len() int { return s.n }

// all gives every file, in no order.
func (s *fileSet) all() iter.Seq2[string, *file] {
	return func(yield func(string, *file) bool) {
		for name, f := range s.own {
			if f != nil && !yield(name, f) {
				return
			}
		}
		for name, f := range s.shared {
			if _, changed := s.own[name]; !changed && !yield(name, f) {
				return
			}
		}
	}
}

// patch is a set to change, equal to s, which it leaves as it is.
func (s *fileSet) patch() fileSet {
	if len(s.own)*foldAt <= len(s.shared) {
		return fileSet{shared: s.shared, own: maps.Clone(s.own), n: s.n}
	}
	shared := maps.Clone(s.shared)
	for name, f := range s.own {
		if f == nil {
			delete(shared, name)
		} else {
			shared[name] = f
		}
	}
	return fileSet{shared: shared, own: map[string]*file{}, n: s.n}
}

// set puts f at name (a set being made or patched).
func (s *fileSet) set(name string, f *file) {
	if s.get(name) == nil {
		s.n++
	}
	s.own[name] = f
}

// remove removes the file at name, if there is one.
func (s *fileSet) remove(name string) {
	if s.get(name) == nil {
		return
	}
	s.n--
	if _, ok := s.shared[name]; ok {
		s.own[name] = nil
	} else {
		delete(s.own, name)
	}
}
