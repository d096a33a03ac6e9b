package search

import (
	"fmt"
	"os"
	"sync"
)

// A Spill keeps parts' posting lists out of memory until they are joined,
// for a build that joins them once, at its end (JoinTo): a part's lines
// are most of what it holds, and a thousand documents' take hundreds of
// megabytes. Keep moves them into a temporary file; Load gives them back,
// mapped from the file where the system can (so the system, not the
// heap, holds them, and only the pages the join is reading); Close lets
// them go and removes the file. Keep is safe for concurrent use.
type Spill struct {
	mu     sync.Mutex
	f      *os.File
	size   int64
	parts  []spilled
	mapped []byte
	unmap  func() error
}

// spilled is a kept part and where its lines are in the file.
type spilled struct {
	p      *Part
	off, n int64
}

// NewSpill opens a Spill in a new temporary file (in dir, or the
// system's temporary directory for "").
func NewSpill(dir string) (*Spill, error) {
	f, err := os.CreateTemp(dir, "search-spill-*")
	if err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	return &Spill{f: f}, nil
}

// Keep moves p's lines into the file; p holds none until Load.
func (s *Spill) Keep(p *Part) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.f.Write(p.data); err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	s.parts = append(s.parts, spilled{p, s.size, int64(len(p.data))})
	s.size += int64(len(p.data))
	p.data = nil
	return nil
}

// Load gives every kept part its lines back, read only, until Close.
func (s *Spill) Load() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	data, unmap, err := mapFile(s.f, s.size)
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	s.mapped, s.unmap = data, unmap
	for _, k := range s.parts {
		k.p.data = data[k.off : k.off+k.n : k.off+k.n]
	}
	return nil
}

// Close lets the lines go and removes the file: the kept parts are of no
// further use.
func (s *Spill) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, k := range s.parts {
		k.p.data = nil
	}
	var err error
	if s.unmap != nil {
		err = s.unmap()
		s.unmap, s.mapped = nil, nil
	}
	name := s.f.Name()
	if cerr := s.f.Close(); err == nil {
		err = cerr
	}
	if rerr := os.Remove(name); err == nil && !os.IsNotExist(rerr) {
		err = rerr
	}
	return err
}
