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
	var st Stats
	dir = filepath.Clean(dir)
	names := make([]string, 0, len(files))
	for name := range files {
		if !fs.ValidPath(name) || strings.Contains(name, `\`) || name == Manifest {
			return st, fmt.Errorf("write: invalid output path %q", name)
		}
		names = append(names, name)
	}
	sort.Strings(names)
	if err := checkProtected(dir, opts.Protected); err != nil {
		return st, err
	}
	if err := refuseAtSight(dir); err != nil {
		return st, err // refused before the lock leaves a file beside it
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return st, fmt.Errorf("write: %w", err)
	}
	unlock, err := lock(siblingPath(dir, ".lock"), opts.Waiting)
	if err != nil {
		return st, fmt.Errorf("write: locking %s: %w", dir, err)
	}
	defer unlock()
	removeLeftovers(dir)
	old, err := ownedFiles(dir) // again: another build may have written it meanwhile
	if err != nil {
		return st, err
	}

	manifest := manifestOf(names)
	unchanged := map[string]bool{}
	for _, name := range names {
		if old[name] && sameBytes(filepath.Join(dir, filepath.FromSlash(name)), files[name]) {
			unchanged[name] = true
		}
	}
	st.Unchanged = len(unchanged)
	st.Written = len(files) - st.Unchanged
	for name := range old {
		if _, kept := files[name]; !kept {
			st.Removed++
		}
	}
	if st.Written == 0 && st.Removed == 0 && sameBytes(filepath.Join(dir, Manifest), manifest) {
		return st, nil
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), siblingName(dir, ".new-"))
	if err != nil {
		return st, fmt.Errorf("write: %w", err)
	}
	swapped := false
	defer func() {
		if !swapped {
			removeTree(tmp)
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
	if err := os.WriteFile(filepath.Join(tmp, Manifest), manifest, 0o644); err != nil {
		return st, fmt.Errorf("write: %w", err)
	}
	existed, err := swap(tmp, dir)
	if err != nil {
		return st, fmt.Errorf("write: %w", err)
	}
	swapped = true
	if existed && removeTree(tmp) != nil {
		st.Leftover = tmp // tmp now holds the old site
	}
	return st, nil
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

// swap puts newDir in the place of dir; newDir then holds the old tree, if
// there was one (existed).
func swap(newDir, dir string) (existed bool, err error) {
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		return false, os.Rename(newDir, dir)
	}
	return true, exchange(newDir, dir)
}
