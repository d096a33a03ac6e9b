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
func Sync(dir string, files map[string][]byte) (Stats, error) {
	var st Stats
	dir = filepath.Clean(dir)
	for name := range files {
		if !fs.ValidPath(name) || strings.Contains(name, `\`) {
			return st, fmt.Errorf("write: invalid output path %q", name)
		}
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
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		linked, err := put(dir, tmp, name, files[name])
		if err != nil {
			return st, fmt.Errorf("write: %w", err)
		}
		if linked {
			st.Unchanged++
		} else {
			st.Written++
		}
	}
	st.Removed = countRemoved(dir, files)
	if err := swap(tmp, dir); err != nil {
		return st, fmt.Errorf("write: %w", err)
	}
	ok = true
	return st, nil
}

// put writes one file into the new tree, or hard-links the old one if it holds the same bytes.
func put(oldDir, newDir, name string, data []byte) (linked bool, err error) {
	dst := filepath.Join(newDir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return false, err
	}
	src := filepath.Join(oldDir, filepath.FromSlash(name))
	if old, err := os.ReadFile(src); err == nil && bytes.Equal(old, data) {
		if os.Link(src, dst) == nil {
			return true, nil
		}
	}
	return false, os.WriteFile(dst, data, 0o644)
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
