package write

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if !d.IsDir() {
			data, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			got[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	return got
}

func TestSync(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	first := map[string][]byte{"index.html": []byte("home"), "a/index.html": []byte("a"), "old.txt": []byte("old")}
	st, err := Sync(dir, first)
	if err != nil || st.Written != 3 || st.Unchanged != 0 {
		t.Fatalf("first sync: %+v, %v", st, err)
	}
	past := time.Now().Add(-time.Hour).Truncate(time.Second)
	os.Chtimes(filepath.Join(dir, "index.html"), past, past)

	second := map[string][]byte{"index.html": []byte("home"), "a/index.html": []byte("a2"), "b/c/index.html": []byte("c")}
	st, err = Sync(dir, second)
	if err != nil {
		t.Fatal(err)
	}
	if st.Written != 2 || st.Unchanged != 1 || st.Removed != 1 {
		t.Errorf("second sync stats = %+v, want 2 written, 1 unchanged, 1 removed", st)
	}
	got := readTree(t, dir)
	want := map[string]string{"index.html": "home", "a/index.html": "a2", "b/c/index.html": "c"}
	if len(got) != len(want) {
		t.Errorf("tree = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	if fi, _ := os.Stat(filepath.Join(dir, "index.html")); !fi.ModTime().Equal(past) {
		t.Errorf("unchanged file's mtime = %v, want %v kept", fi.ModTime(), past)
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), ".public.new-*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary trees left behind: %v", leftovers)
	}
}

func TestSyncFailureKeepsOldSite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := Sync(dir, map[string][]byte{"index.html": []byte("home")}); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"../escape.html", "/abs.html", "a/../../b", ""} {
		if _, err := Sync(dir, map[string][]byte{"index.html": []byte("new"), bad: []byte("x")}); err == nil {
			t.Errorf("Sync accepted path %q", bad)
		}
	}
	if got := readTree(t, dir); len(got) != 1 || got["index.html"] != "home" {
		t.Errorf("old site changed: %v", got)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "escape.html")); err == nil {
		t.Error("a file was written outside the site")
	}
}
