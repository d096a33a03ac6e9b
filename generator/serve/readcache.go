package serve

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
)

// readCache keeps what builds read of the trees, until the watcher says
// a path changed: a rebuild after an edit of one file reads that file
// from disk, and the thousand others from memory. It is only as good as
// the watcher: once a directory cannot be watched (the kernel's watch
// limit, an error), it stops keeping anything.
//
// A read that an invalidation overtakes is not kept (the epoch moved on
// while it read), so the cache never holds bytes older than the last
// change it was told of.
type readCache struct {
	mu    sync.Mutex
	epoch uint64
	off   bool
	files map[string][]byte        // by label: "content/documents/x.md"
	dirs  map[string][]fs.DirEntry // by label: "content/documents"
}

func newReadCache() *readCache {
	return &readCache{files: map[string][]byte{}, dirs: map[string][]fs.DirEntry{}}
}

// changed forgets a path, what is under it, and its directory's listing.
func (c *readCache) changed(label string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.epoch++
	under := func(key string) bool { return key == label || strings.HasPrefix(key, label+"/") }
	for key := range c.files {
		if under(key) {
			delete(c.files, key)
		}
	}
	for key := range c.dirs {
		if under(key) {
			delete(c.dirs, key)
		}
	}
	delete(c.dirs, path.Dir(label))
}

// stop forgets everything and keeps nothing from now on.
func (c *readCache) stop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.off, c.epoch = true, c.epoch+1
	clear(c.files)
	clear(c.dirs)
}

// wrap gives a tree, named as in labels ("content"), read through the
// cache; without a cache, the tree itself.
func (c *readCache) wrap(tree string, fsys fs.FS) fs.FS {
	if c == nil {
		return fsys
	}
	return &cachedFS{cache: c, tree: tree, fsys: fsys}
}

// cachedFS is a tree read through a readCache: ReadFile and ReadDir (what
// fs.ReadFile, fs.WalkDir and fs.Glob use) are kept; Open goes to the tree.
// The bytes ReadFile gives are shared between builds: the build does not
// modify what it reads.
type cachedFS struct {
	cache *readCache
	tree  string
	fsys  fs.FS
}

func (f *cachedFS) label(name string) string {
	if name == "." {
		return f.tree
	}
	return f.tree + "/" + name
}

func (f *cachedFS) Open(name string) (fs.File, error) { return f.fsys.Open(name) }

func (f *cachedFS) ReadFile(name string) ([]byte, error) {
	return read(f.cache, f.cache.files, f.label(name), func() ([]byte, error) {
		data, err := fs.ReadFile(f.fsys, name)
		return slices.Clip(data), err
	})
}

func (f *cachedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	return read(f.cache, f.cache.dirs, f.label(name), func() ([]fs.DirEntry, error) {
		entries, err := fs.ReadDir(f.fsys, name)
		return slices.Clip(entries), err
	})
}

// read gives what kept holds for label, or what load gives, kept if no
// change came while it was loading.
func read[T any](c *readCache, kept map[string]T, label string, load func() (T, error)) (T, error) {
	c.mu.Lock()
	v, ok := kept[label]
	epoch := c.epoch
	c.mu.Unlock()
	if ok {
		return v, nil
	}
	v, err := load()
	if err != nil {
		return v, err
	}
	c.mu.Lock()
	if !c.off && c.epoch == epoch {
		kept[label] = v
	}
	c.mu.Unlock()
	return v, nil
}
