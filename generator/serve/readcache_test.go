package serve

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

// countingFS counts the reads of a MapFS, and can run a function in the
// middle of one (a change arriving while a build reads).
type countingFS struct {
	fstest.MapFS
	reads  int
	during func()
}

func (c *countingFS) ReadFile(name string) ([]byte, error) {
	c.reads++
	data, err := c.MapFS.ReadFile(name)
	if c.during != nil {
		c.during()
		c.during = nil
	}
	return data, err
}

// TestReadCache: a file is read from the tree once until the watcher says
// it changed (or a directory above it did); a change that comes while
// the file is being read keeps that read out of the cache; once the
// watcher is unsure, every read goes to the tree.
func TestReadCache(t *testing.T) {
	tree := &countingFS{MapFS: fstest.MapFS{"documents/a.md": {Data: []byte("a1")}, "documents/b.md": {Data: []byte("b1")}}}
	c := newReadCache()
	fsys := c.wrap("content", tree)
	read := func(name, want string, reads int) {
		t.Helper()
		data, err := fs.ReadFile(fsys, name)
		if err != nil || string(data) != want || tree.reads != reads {
			t.Fatalf("%s: %q, %v after %d reads of the tree; want %q after %d", name, data, err, tree.reads, want, reads)
		}
	}
	read("documents/a.md", "a1", 1)
	read("documents/a.md", "a1", 1)
	read("documents/b.md", "b1", 2)

	tree.MapFS["documents/a.md"] = &fstest.MapFile{Data: []byte("a2")}
	c.changed("content/documents/a.md")
	read("documents/a.md", "a2", 3)
	read("documents/b.md", "b1", 3)

	tree.MapFS["documents/b.md"] = &fstest.MapFile{Data: []byte("b2")}
	c.changed("content/documents") // a directory renamed, say
	read("documents/b.md", "b2", 4)

	// A change during a read: that read is served, not kept.
	tree.during = func() {
		tree.MapFS["documents/a.md"] = &fstest.MapFile{Data: []byte("a3")}
		c.changed("content/documents/a.md")
	}
	c.changed("content/documents/a.md")
	read("documents/a.md", "a2", 5)
	read("documents/a.md", "a3", 6)

	entries, err := fs.ReadDir(fsys, "documents")
	if err != nil || len(entries) != 2 {
		t.Fatalf("ReadDir: %v, %v", entries, err)
	}
	tree.MapFS["documents/c.md"] = &fstest.MapFile{Data: []byte("c")}
	c.changed("content/documents/c.md")
	if entries, _ := fs.ReadDir(fsys, "documents"); len(entries) != 3 {
		t.Fatalf("after a file was added, ReadDir gives %d entries", len(entries))
	}

	c.stop()
	read("documents/b.md", "b2", 7)
	read("documents/b.md", "b2", 8)
}
