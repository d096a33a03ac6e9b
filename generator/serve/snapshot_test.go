package serve

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSnapshotReusesUnchangedFiles: a rebuild's snapshot takes the files
// made from the very same bytes from the last one, makes the others anew,
// and has the id of any snapshot of the same paths and contents.
func TestSnapshotReusesUnchangedFiles(t *testing.T) {
	page, css := []byte("<html><head></head><body>a</body></html>"), []byte("body{}")
	first := newSnapshot(map[string][]byte{"index.html": page, "site.css": css}, nil)
	edited := []byte("<html><head></head><body>b</body></html>")
	second := newSnapshot(map[string][]byte{"index.html": edited, "site.css": css}, first)
	if second.files.get("site.css") != first.files.get("site.css") {
		t.Error("the unchanged stylesheet was made anew")
	}
	if second.files.get("index.html") == first.files.get("index.html") || string(second.files.get("index.html").body()) == string(first.files.get("index.html").body()) {
		t.Error("the edited page was taken from the last snapshot")
	}
	if second.id == first.id {
		t.Error("different sites, the same id")
	}
	fresh := newSnapshot(map[string][]byte{"index.html": append([]byte(nil), edited...), "site.css": append([]byte(nil), css...)}, nil)
	if fresh.id != second.id {
		t.Errorf("the same site made afresh has id %s, made from the last snapshot %s", fresh.id, second.id)
	}
	if got := changedFiles(first, second); len(got) != 1 || got[0] != "index.html" {
		t.Errorf("changed files %q, want [index.html]", got)
	}
	removed := newSnapshot(map[string][]byte{"index.html": edited}, second)
	if removed.id == second.id {
		t.Error("a file removed, the same id")
	}
}

// TestPatchedSnapshotIsNew: a snapshot patched with what a build says
// changed serves what one made from all the files would, with the same
// id, and its changes since the snapshot it was patched from are those
// changedFiles finds by comparing every file.
func TestPatchedSnapshotIsNew(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	files := map[string][]byte{}
	for i := range 200 {
		files[fmt.Sprintf("p%d/index.html", i)] = fmt.Appendf(nil, "<html><head></head><body>%d</body></html>", i)
	}
	snap := newSnapshot(files, nil)
	for step := range 50 {
		next := maps.Clone(files)
		changed := map[string]bool{}
		for range rng.IntN(6) {
			name := fmt.Sprintf("p%d/index.html", rng.IntN(260))
			switch rng.IntN(4) {
			case 0:
				delete(next, name)
			case 1: // the same bytes again: listed, but not a change
				if data, ok := next[name]; ok {
					next[name] = bytes.Clone(data)
				}
			default:
				next[name] = fmt.Appendf(nil, "<html><head></head><body>%d</body></html>", rng.IntN(1000))
			}
			changed[name] = true
		}
		patched := patchSnapshot(snap, next, slices.Sorted(maps.Keys(changed)))
		whole := newSnapshot(next, nil)
		if patched.id != whole.id || patched.files.len() != whole.files.len() {
			t.Fatalf("step %d: patched id %s with %d files, made whole %s with %d", step, patched.id, patched.files.len(), whole.id, whole.files.len())
		}
		for name, f := range whole.files.all() {
			if p := patched.files.get(name); p == nil || p.etag != f.etag || !bytes.Equal(p.body(), f.body()) {
				t.Fatalf("step %d: %s differs", step, name)
			}
		}
		for name, f := range newSnapshot(files, nil).files.all() { // the parent is as it was
			if p := snap.files.get(name); p == nil || p.etag != f.etag {
				t.Fatalf("step %d: patching changed the parent's %s", step, name)
			}
		}
		if n := len(slices.Collect(maps.Keys(maps.Collect(patched.files.all())))); n != patched.files.len() {
			t.Fatalf("step %d: %d files listed, %d counted", step, n, patched.files.len())
		}
		byDelta := changedFiles(snap, patched)
		patched.parent = "" // compare every file
		if all := changedFiles(snap, patched); !slices.Equal(byDelta, all) {
			t.Fatalf("step %d: changed %q by the delta, %q by every file", step, byDelta, all)
		}
		snap, files = patched, next // the next patch is made on this one
	}
}
