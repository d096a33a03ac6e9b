package search_test

import (
	"bytes"
	"errors"
	"os"
	"sync"
	"testing"

	"statements/generator/search"
)

// TestJoinToFromSpill: parts kept in a Spill, given back and joined with
// JoinTo give byte for byte the files of Join on parts kept in memory, and
// Close removes the spill's file.
func TestJoinToFromSpill(t *testing.T) {
	themes := []search.Theme{{Title: "一带一路", TitleEn: "Belt and Road", URL: "/themes/bri/"}}
	var inMemory, spilled []*search.Part
	for _, d := range corpus(t) {
		for _, parts := range []*[]*search.Part{&inMemory, &spilled} {
			p, _, err := search.NewPart(d)
			if err != nil {
				t.Fatal(err)
			}
			*parts = append(*parts, p)
		}
	}
	want, err := search.Join(inMemory, themes)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 3 {
		t.Fatalf("the corpus makes %d files: too few shards to show the join's order", len(want))
	}

	dir := t.TempDir()
	sp, err := search.NewSpill(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range spilled {
		if err := sp.Keep(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := sp.Load(); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	got := map[string][]byte{}
	err = search.JoinTo(spilled, themes, func(f search.File) error {
		mu.Lock()
		defer mu.Unlock()
		if _, twice := got[f.Name]; twice {
			t.Errorf("%s put twice", f.Name)
		}
		got[f.Name] = bytes.Clone(f.Data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := sp.Close(); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Errorf("JoinTo put %d files, Join made %d", len(got), len(want))
	}
	for _, f := range want {
		if !bytes.Equal(got[f.Name], f.Data) {
			t.Errorf("%s: JoinTo from the spill differs from Join", f.Name)
		}
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("Close left %d files in the spill's directory", len(left))
	}
}

// TestJoinToStopsAtError: put's error ends the join and is returned.
func TestJoinToStopsAtError(t *testing.T) {
	var parts []*search.Part
	for _, d := range corpus(t) {
		p, _, err := search.NewPart(d)
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, p)
	}
	full := errors.New("disk full")
	var mu sync.Mutex
	puts := 0
	err := search.JoinTo(parts, nil, func(search.File) error {
		mu.Lock()
		defer mu.Unlock()
		if puts++; puts == 2 {
			return full
		}
		return nil
	})
	if !errors.Is(err, full) {
		t.Errorf("JoinTo gave %v, want put's error", err)
	}
}
