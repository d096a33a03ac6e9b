package serve

import "testing"

// TestSnapshotReusesUnchangedFiles: a rebuild's snapshot takes the files
// made from the very same bytes from the last one, makes the others anew,
// and has the id of any snapshot of the same paths and contents.
func TestSnapshotReusesUnchangedFiles(t *testing.T) {
	page, css := []byte("<html><head></head><body>a</body></html>"), []byte("body{}")
	first := newSnapshot(map[string][]byte{"index.html": page, "site.css": css}, nil)
	edited := []byte("<html><head></head><body>b</body></html>")
	second := newSnapshot(map[string][]byte{"index.html": edited, "site.css": css}, first)
	if second.files["site.css"] != first.files["site.css"] {
		t.Error("the unchanged stylesheet was made anew")
	}
	if second.files["index.html"] == first.files["index.html"] || string(second.files["index.html"].body()) == string(first.files["index.html"].body()) {
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
