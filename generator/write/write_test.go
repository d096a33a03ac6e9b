package write

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
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
		if !d.IsDir() && d.Name() != Manifest {
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
	st, err := Sync(dir, first, Options{})
	if err != nil || st.Written != 3 || st.Unchanged != 0 {
		t.Fatalf("first sync: %+v, %v", st, err)
	}
	past := time.Now().Add(-time.Hour).Truncate(time.Second)
	os.Chtimes(filepath.Join(dir, "index.html"), past, past)

	second := map[string][]byte{"index.html": []byte("home"), "a/index.html": []byte("a2"), "b/c/index.html": []byte("c")}
	st, err = Sync(dir, second, Options{})
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
	if _, err := Sync(dir, map[string][]byte{"index.html": []byte("home")}, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"../escape.html", "/abs.html", "a/../../b", ""} {
		if _, err := Sync(dir, map[string][]byte{"index.html": []byte("new"), bad: []byte("x")}, Options{}); err == nil {
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

// TestSyncRefuses: a target that is not absent, empty or a site Sync wrote
// is refused with its name, and nothing is touched.
func TestSyncRefuses(t *testing.T) {
	site := map[string][]byte{"index.html": []byte("home")}
	tests := []struct {
		name    string
		prepare func(t *testing.T, root string) (out string, protected []string)
		want    string
	}{
		{"a regular file", func(t *testing.T, root string) (string, []string) {
			os.WriteFile(filepath.Join(root, "out"), []byte("notes"), 0o644)
			return filepath.Join(root, "out"), nil
		}, "out is a file"},
		{"a symbolic link", func(t *testing.T, root string) (string, []string) {
			os.Mkdir(filepath.Join(root, "elsewhere"), 0o755)
			os.Symlink(filepath.Join(root, "elsewhere"), filepath.Join(root, "out"))
			return filepath.Join(root, "out"), nil
		}, "out is a symbolic link"},
		{"a directory of someone else's files", func(t *testing.T, root string) (string, []string) {
			os.MkdirAll(filepath.Join(root, "out", "notes"), 0o755)
			os.WriteFile(filepath.Join(root, "out", "notes", "todo.txt"), []byte("keep me"), 0o644)
			return filepath.Join(root, "out"), nil
		}, "holds files this generator did not write (notes/todo.txt"},
		{"a file added to a built site", func(t *testing.T, root string) (string, []string) {
			out := filepath.Join(root, "out")
			if _, err := Sync(out, site, Options{}); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(out, "CNAME"), []byte("example.org"), 0o644)
			return out, nil
		}, "out/CNAME was not written by the generator"},
		{"a source tree", func(t *testing.T, root string) (string, []string) {
			os.MkdirAll(filepath.Join(root, "content"), 0o755)
			return filepath.Join(root, "content"), []string{filepath.Join(root, "content")}
		}, "it is the source tree"},
		{"inside a source tree", func(t *testing.T, root string) (string, []string) {
			os.MkdirAll(filepath.Join(root, "content"), 0o755)
			return filepath.Join(root, "content", "site"), []string{filepath.Join(root, "content")}
		}, "it lies inside the source tree"},
		{"above a source tree", func(t *testing.T, root string) (string, []string) {
			os.MkdirAll(filepath.Join(root, "project", "content"), 0o755)
			return filepath.Join(root, "project"), []string{filepath.Join(root, "project", "content")}
		}, "it holds the source tree"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			out, protected := tt.prepare(t, root)
			before := snapshot(t, root)
			_, err := Sync(out, site, Options{Protected: protected})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want one containing %q", err, tt.want)
			}
			if after := snapshot(t, root); after != before {
				t.Errorf("the refused Sync changed the directory:\n%s\nwas\n%s", after, before)
			}
		})
	}
}

// snapshot lists every path under root with its content, but for locks.
func snapshot(t *testing.T, root string) string {
	var b strings.Builder
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || strings.HasSuffix(p, ".lock") {
			return nil
		}
		data, _ := os.ReadFile(p)
		fmt.Fprintf(&b, "%s %q\n", p, data)
		return nil
	})
	return b.String()
}

// TestSyncEmptyAndLeftovers: an empty directory is taken; a tree an
// interrupted build left (read-only, too) is removed by the next Sync.
func TestSyncEmptyAndLeftovers(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	os.Mkdir(out, 0o755)
	left := filepath.Join(root, ".public.new-123")
	os.MkdirAll(filepath.Join(left, "a"), 0o755)
	os.WriteFile(filepath.Join(left, "a", "x.html"), []byte("x"), 0o444)
	os.Chmod(filepath.Join(left, "a"), 0o555)
	if _, err := Sync(out, map[string][]byte{"index.html": []byte("home")}, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(left); err == nil {
		t.Error("the interrupted build's tree is still there")
	}
	if got := readTree(t, out); len(got) != 1 || got["index.html"] != "home" {
		t.Errorf("site = %v", got)
	}
}

// TestSyncOneAtATime: Syncs of different sites into one directory, at the
// same time, round after round: the directory always holds one whole site.
func TestSyncOneAtATime(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	sites := make([]map[string][]byte, 2)
	for v := range sites {
		sites[v] = map[string][]byte{}
		for i := 0; i < 40; i++ {
			sites[v][fmt.Sprintf("p%d/index.html", i)] = []byte(fmt.Sprintf("version %d page %d", v, i))
		}
		sites[v][fmt.Sprintf("only-%d.html", v)] = []byte("x")
	}
	for round := 0; round < 150; round++ {
		var wg sync.WaitGroup
		for v := range sites {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := Sync(out, sites[v], Options{}); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		got := readTree(t, out)
		whole := false
		for _, site := range sites {
			same := len(got) == len(site)
			for name, data := range site {
				same = same && got[name] == string(data)
			}
			whole = whole || same
		}
		if !whole {
			t.Fatalf("round %d: the directory holds a mix of the two sites: %d files", round, len(got))
		}
	}
}

// A failure while the new site is written (here a file where a directory
// must go) leaves the old site byte for byte, and no tree behind.
func TestSyncFailureWhileWriting(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	if _, err := Sync(out, map[string][]byte{"index.html": []byte("home")}, Options{}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, root)
	if _, err := Sync(out, map[string][]byte{"index.html": []byte("new"), "a": []byte("x"), "a/b.html": []byte("y")}, Options{}); err == nil {
		t.Fatal("no error")
	}
	if after := snapshot(t, root); after != before {
		t.Errorf("the failed Sync changed the directory:\n%s\nwas\n%s", after, before)
	}
}
