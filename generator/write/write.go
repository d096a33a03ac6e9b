package write

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Manifest is the file, in every site Sync writes, that lists the site's
// files: what Sync may replace.
const Manifest = ".generator-manifest"

// Stats says what a Sync did.
type Stats struct {
	Written   int // new or changed files
	Unchanged int // files whose bytes were already there
	Removed   int // files of the old site that the new one does not have
	// Leftover names the old site's tree when it could not be removed
	// after the swap (the next Sync removes it); "" normally.
	Leftover string
}

// Options say what Sync must keep away from.
type Options struct {
	// Protected are directories (the sources) that the target may not be,
	// lie inside, or contain.
	Protected []string
	// Waiting is called once if another Sync holds the target's lock.
	Waiting func()
}

// Sync makes dir hold exactly files and its manifest. Paths are
// slash-separated and relative. When every file is already there with the
// same bytes and nothing is to be removed, it touches nothing.
func Sync(dir string, files map[string][]byte, opts Options) (Stats, error) {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	w, err := Begin(dir, opts)
	if err != nil {
		return Stats{}, err
	}
	for _, name := range names {
		if err := w.Put(name, files[name]); err != nil {
			w.Abort()
			return Stats{}, err
		}
	}
	return w.Commit()
}

// Writer writes a site file by file as a build makes it: Begin, Put each
// file (from any goroutine), then Commit, or Abort on failure.
type Writer struct {
	dir    string
	unlock func()
	old    map[string]bool // the files of the site there now

	mu        sync.Mutex
	put       map[string]bool
	unchanged []string // files put with the bytes they had, before any change
	tmp       string   // the new tree, made at the first change
	st        Stats
}

// Begin checks the target (see the package doc), takes its lock, and
// removes the leftovers of interrupted builds.
func Begin(dir string, opts Options) (*Writer, error) {
	dir = filepath.Clean(dir)
	if err := checkProtected(dir, opts.Protected); err != nil {
		return nil, err
	}
	if err := refuseAtSight(dir); err != nil {
		return nil, err // refused before the lock leaves a file beside it
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, fmt.Errorf("write: %w", err)
	}
	unlock, err := lock(siblingPath(dir, ".lock"), opts.Waiting)
	if err != nil {
		return nil, fmt.Errorf("write: locking %s: %w", dir, err)
	}
	removeLeftovers(dir)
	old, err := ownedFiles(dir) // again: another build may have written it meanwhile
	if err != nil {
		unlock()
		return nil, err
	}
	return &Writer{dir: dir, unlock: unlock, old: old, put: map[string]bool{}}, nil
}

// Put writes one file of the new site. A file whose bytes are already
// there is not written: it is hard-linked into the new tree, if there is
// to be one, and so keeps its modification time.
func (w *Writer) Put(name string, data []byte) error {
	if !fs.ValidPath(name) || strings.Contains(name, `\`) || name == Manifest || name == "." {
		return fmt.Errorf("write: invalid output path %q", name)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.put[name] {
		return fmt.Errorf("write: %s is written twice", name)
	}
	w.put[name] = true
	if w.old[name] && sameBytes(filepath.Join(w.dir, filepath.FromSlash(name)), data) {
		w.st.Unchanged++
		if w.tmp == "" {
			w.unchanged = append(w.unchanged, name)
			return nil
		}
		return w.keep(name)
	}
	w.st.Written++
	if err := w.start(); err != nil {
		return err
	}
	return put(w.tmp, name, data)
}

// start makes the new tree, with the unchanged files put so far.
func (w *Writer) start() error {
	if w.tmp != "" {
		return nil
	}
	tmp, err := os.MkdirTemp(filepath.Dir(w.dir), siblingName(w.dir, ".new-"))
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	w.tmp = tmp
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	for _, name := range w.unchanged {
		if err := w.keep(name); err != nil {
			return err
		}
	}
	w.unchanged = nil
	return nil
}

// keep puts an unchanged file into the new tree: a hard link to the old
// one, or, where links cannot be made, a copy.
func (w *Writer) keep(name string) error {
	oldFile := filepath.Join(w.dir, filepath.FromSlash(name))
	dst := filepath.Join(w.tmp, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if os.Link(oldFile, dst) == nil {
		return nil
	}
	data, err := os.ReadFile(oldFile)
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return put(w.tmp, name, data)
}

// Commit swaps the new site in, with its manifest, or, when every file was
// already there and none is to go, touches nothing. It releases the lock.
func (w *Writer) Commit() (Stats, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	defer w.unlock()
	for name := range w.old {
		if !w.put[name] {
			w.st.Removed++
		}
	}
	names := make([]string, 0, len(w.put))
	for name := range w.put {
		names = append(names, name)
	}
	sort.Strings(names)
	manifest := manifestOf(names)
	if w.tmp == "" && w.st.Removed == 0 && sameBytes(filepath.Join(w.dir, Manifest), manifest) {
		return w.st, nil
	}
	err := w.start()
	if err == nil {
		err = os.WriteFile(filepath.Join(w.tmp, Manifest), manifest, 0o644)
	}
	var existed bool
	if err == nil {
		existed, err = swap(w.tmp, w.dir)
	}
	if err != nil {
		removeTree(w.tmp)
		return w.st, fmt.Errorf("write: %w", err)
	}
	if existed && removeTree(w.tmp) != nil {
		w.st.Leftover = w.tmp // it now holds the old site
	}
	return w.st, nil
}

// Abort drops the new tree, leaving the old site as it was, and releases the lock.
func (w *Writer) Abort() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.tmp != "" {
		removeTree(w.tmp)
	}
	w.unlock()
}

// manifestOf lists the site's files, one per line.
func manifestOf(names []string) []byte {
	var b bytes.Buffer
	b.WriteString("# Written by the generator (go run ./generator). Every file listed here is\n# replaced or removed by the next build; a file not listed stops it.\n")
	for _, name := range names {
		b.WriteString(name)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// refuseAtSight refuses, without walking it, a target that is not a
// directory or is a directory of files with no manifest.
func refuseAtSight(dir string) error {
	fi, err := os.Lstat(dir)
	if err != nil || !fi.IsDir() {
		_, err := ownedFiles(dir) // the messages for what is not a directory
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, Manifest)); err == nil {
		return nil // a site Sync wrote: every file is checked under the lock
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) == 0 {
		return nil
	}
	_, err = ownedFiles(dir)
	return err
}

// ownedFiles checks that dir is absent, empty or a site Sync wrote, and
// gives the files its manifest lists.
func ownedFiles(dir string) (map[string]bool, error) {
	fi, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("write: %w", err)
	case fi.Mode()&fs.ModeSymlink != 0:
		return nil, fmt.Errorf("%s is a symbolic link; refusing to replace it: build into a directory", dir)
	case !fi.IsDir():
		return nil, fmt.Errorf("%s is a file, not a site this generator built; refusing to replace it", dir)
	}
	owned := map[string]bool{}
	listed, err := os.ReadFile(filepath.Join(dir, Manifest))
	haveManifest := err == nil
	for _, line := range strings.Split(string(listed), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			owned[line] = true
		}
	}
	var foreign string
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel != Manifest && (!owned[rel] || !d.Type().IsRegular()) {
			foreign = rel
			return fs.SkipAll
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("write: %w", err)
	}
	switch {
	case foreign != "" && !haveManifest:
		return nil, fmt.Errorf("%s holds files this generator did not write (%s, …); refusing to replace it: build into a new or empty directory", dir, foreign)
	case foreign != "":
		return nil, fmt.Errorf("%s was not written by the generator; refusing to delete it: to publish a file, put it in static/; else move it away", filepath.Join(dir, filepath.FromSlash(foreign)))
	}
	return owned, nil
}

// checkProtected refuses a target that is, lies inside or contains one of
// the protected directories.
func checkProtected(dir string, protected []string) error {
	target, err := resolve(dir)
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	for _, p := range protected {
		src, err := resolve(p)
		if err != nil {
			return fmt.Errorf("write: %w", err)
		}
		switch {
		case target == src:
			return fmt.Errorf("refusing to write the site into %s: it is the source tree %s", dir, p)
		case within(target, src):
			return fmt.Errorf("refusing to write the site into %s: it lies inside the source tree %s", dir, p)
		case within(src, target):
			return fmt.Errorf("refusing to write the site into %s: it holds the source tree %s", dir, p)
		}
	}
	return nil
}

// resolve makes path absolute, following the symbolic links of the part of it that exists.
func resolve(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	rest := ""
	for p := abs; ; p = filepath.Dir(p) {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(real, rest), nil
		}
		if p == filepath.Dir(p) {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(p), rest)
	}
}

// within reports whether path lies strictly inside dir.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// siblingName is the name of a file beside dir that belongs to it: .public.lock.
func siblingName(dir, suffix string) string { return "." + filepath.Base(dir) + suffix }

func siblingPath(dir, suffix string) string {
	return filepath.Join(filepath.Dir(dir), siblingName(dir, suffix))
}

// removeLeftovers removes the trees interrupted builds left beside dir.
func removeLeftovers(dir string) {
	leftovers, _ := filepath.Glob(siblingPath(dir, ".new-*"))
	for _, l := range leftovers {
		removeTree(l)
	}
}

// removeTree removes a tree this package made, making its directories
// writable first (a site copied from a read-only place keeps its modes).
func removeTree(dir string) error {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			os.Chmod(p, 0o755)
		}
		return nil
	})
	return os.RemoveAll(dir)
}

func sameBytes(path string, data []byte) bool {
	old, err := os.ReadFile(path)
	return err == nil && bytes.Equal(old, data)
}

// put writes one file into the new tree.
func put(tree, name string, data []byte) error {
	dst := filepath.Join(tree, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// swap puts newDir in the place of dir; newDir then holds the old tree, if
// there was one (existed).
func swap(newDir, dir string) (existed bool, err error) {
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		return false, os.Rename(newDir, dir)
	}
	return true, exchange(newDir, dir)
}
