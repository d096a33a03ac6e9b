package serve

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"statements/generator/sources"
	"strings"

	"github.com/fsnotify/fsnotify"
)

// change is one event on a path, named as in messages.
type change struct {
	name string
	op   fsnotify.Op // Create, Write, Remove or Rename (or several)
}

// tree is one watched input directory.
type tree struct {
	name string // as named in messages and build errors: "content", "layouts", "static"
	dir  string // where it is, cleaned
}

// watcher turns file-system events under the trees into changed paths,
// named as in build errors ("content/documents/x.md"). fsnotify watches one
// directory at a time, so the watcher adds every directory of every tree,
// and every new one as it appears; the files of a tree that appears in one
// go (git checkout, cp -r, a rename into the tree) are reported as changed.
// It also watches each tree's parent, for the tree itself being removed and
// created again. Only run's goroutine touches dirs once run has started.
type watcher struct {
	fsw     *fsnotify.Watcher
	trees   []tree
	dirs    map[string]bool // directories watched
	out     chan<- change
	log     *logger
	limited bool // the watch limit was reported
	// reads is told of every change before the batcher is, and stops
	// when a directory cannot be watched; nil for none.
	reads *readCache
}

func newWatcher(trees []tree, out chan<- change, log *logger, reads *readCache) (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{fsw: fsw, trees: trees, dirs: map[string]bool{}, out: out, log: log, reads: reads}
	parents := map[string]bool{}
	for _, t := range trees {
		if p := filepath.Dir(t.dir); !parents[p] {
			parents[p] = true
			if err := fsw.Add(p); err != nil {
				log.errorf("watching %s: %v (a removed and re-created %s/ will not be noticed)", p, err, t.name)
				w.unsure()
			}
		}
		w.addTree(t.dir, nil)
	}
	return w, nil
}

// run forwards changes until done is closed or the watcher fails, then
// closes fsnotify. It is the watcher's only goroutine.
func (w *watcher) run(done <-chan struct{}) {
	defer w.fsw.Close()
	for {
		select {
		case <-done:
			return
		case ev, ok := <-w.fsw.Events:
			if !ok || !w.handle(ev, done) {
				return
			}
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			if !errors.Is(err, fsnotify.ErrEventOverflow) {
				w.log.errorf("watching: %v", err)
				w.unsure()
				continue
			}
			// Events were lost: watch whatever is new and rebuild everything.
			w.log.errorf("watching: %v; rescanning", err)
			for _, t := range w.trees {
				w.addTree(t.dir, nil)
				if !w.send(change{t.name, fsnotify.Write}, done) {
					return
				}
			}
		}
	}
}

// handle reports one event; false means done was closed.
func (w *watcher) handle(ev fsnotify.Event, done <-chan struct{}) bool {
	if ev.Op&^fsnotify.Chmod == 0 {
		return true // chmod, touch -a, a backup program: the bytes are the same
	}
	name := filepath.Clean(ev.Name)
	t, rel, ok := w.locate(name)
	if !ok {
		return true // a sibling of a tree, seen through the parent's watch
	}
	if rel != "." && sources.Ignored(filepath.Base(name)) {
		return true
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		w.forget(name)
	}
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Lstat(name); err == nil && fi.IsDir() {
			ok := true
			w.addTree(name, func(file string) {
				ok = ok && w.send(change{file, fsnotify.Create}, done)
			})
			if !ok {
				return false
			}
		}
	}
	return w.send(change{label(t, rel), ev.Op &^ fsnotify.Chmod}, done)
}

func (w *watcher) send(c change, done <-chan struct{}) bool {
	if w.reads != nil {
		w.reads.changed(c.name)
	}
	select {
	case w.out <- c:
		return true
	case <-done:
		return false
	}
}

// locate finds the tree a path is in, and the path relative to it.
func (w *watcher) locate(name string) (tree, string, bool) {
	for _, t := range w.trees {
		if name == t.dir {
			return t, ".", true
		}
		if rel, err := filepath.Rel(t.dir, name); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return t, rel, true
		}
	}
	return tree{}, "", false
}

// label names a path as build errors do: "content/documents/x.md".
func label(t tree, rel string) string {
	if rel == "." {
		return t.name
	}
	return t.name + "/" + filepath.ToSlash(rel)
}

// addTree watches dir and every directory under it, and gives every file
// found to found (if not nil), named as in messages.
func (w *watcher) addTree(dir string, found func(label string)) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				w.log.errorf("watching %s: %v", p, err)
				w.unsure()
			}
			return nil // gone already, or unreadable: skip it
		}
		if p != dir && sources.Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			if found != nil {
				if t, rel, ok := w.locate(p); ok {
					found(label(t, rel))
				}
			}
			return nil
		}
		if w.dirs[p] {
			return nil
		}
		if err := w.fsw.Add(p); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			if !w.limited {
				w.limited = true
				w.log.errorf("watching %s: %v (raise fs.inotify.max_user_watches?)", p, err)
			}
			w.unsure()
			return nil
		}
		w.dirs[p] = true
		return nil
	})
}

// unsure is called when a change may go unseen: builds read from disk
// from then on.
func (w *watcher) unsure() {
	if w.reads != nil {
		w.reads.stop()
	}
}

// forget drops the watches at and under a removed or renamed path.
// The kernel has dropped a deleted directory's watch already; a renamed
// one would go on reporting under its old name.
func (w *watcher) forget(name string) {
	prefix := name + string(filepath.Separator)
	for d := range w.dirs {
		if d == name || strings.HasPrefix(d, prefix) {
			w.fsw.Remove(d) // an error means it is gone already
			delete(w.dirs, d)
		}
	}
}
