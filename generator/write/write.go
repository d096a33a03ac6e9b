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
)

// Stats says what a Sync did.
type Stats struct {
	Written   int // new or changed files
	Unchanged int // files whose bytes were already there
	Removed   int // files of the old site that the new one does not have
}

// Sync makes dir hold exactly files. Paths are slash-separated and relative.
// When every file is already there with the same bytes and nothing is to be
// removed, it touches nothing.
func Sync(dir string, files map[string][]byte) (Stats, error) {
	var st Stats
	dir = filepath.Clean(dir)
	names := make([]string, 0, len(files))
	for name := range files {
		if !fs.ValidPath(name) || strings.Contains(name, `\`) {
			return st, fmt.Errorf("write: invalid output path %q", name)
		}
		names = append(names, name)
	}
	sort.Strings(names)
	unchanged := map[string]bool{}
	for _, name := range names {
		if old, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name))); err == nil && bytes.Equal(old, files[name]) {
			unchanged[name] = true
		}
	}
	st.Unchanged = len(unchanged)
	st.Written = len(files) - st.Unchanged
	st.Removed = countRemoved(dir, files)
	if st.Written == 0 && st.Removed == 0 {
		return st, nil
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".new-")
	if err != nil {
		return st, fmt.Errorf("write: %w", err)
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return st, err
	}
	for _, name := range names {
		if err := put(dir, tmp, name, files[name], unchanged[name]); err != nil {
			return st, fmt.Errorf("write: %w", err)
		}
	}
	if err := swap(tmp, dir); err != nil {
		return st, fmt.Errorf("write: %w", err)
	}
	ok = true
	return st, nil
}

// put writes one file into the new tree, or hard-links the old one when it
// holds the same bytes, so that it keeps its modification time.
func put(oldDir, newDir, name string, data []byte, same bool) error {
	dst := filepath.Join(newDir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	if same && os.Link(filepath.Join(oldDir, filepath.FromSlash(name)), dst) == nil {
		return nil
	}
	return os.WriteFile(dst, data, 0o644)
}

// countRemoved counts files of the old site that the new one drops.
func countRemoved(dir string, files map[string][]byte) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if _, kept := files[filepath.ToSlash(rel)]; !kept {
			n++
		}
		return nil
	})
	return n
}

// swap puts newDir in the place of dir, then removes the old tree.
func swap(newDir, dir string) error {
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(newDir, dir)
	}
	if err := exchange(newDir, dir); err != nil {
		return err
	}
	return os.RemoveAll(newDir) // newDir now holds the old site
}
