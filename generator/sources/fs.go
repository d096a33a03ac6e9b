package sources

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Tree is one source tree as an fs.FS (see the package doc).
type Tree struct {
	dir     string // the tree, absolute
	project string // the project, absolute, its links resolved
	name    string // the tree as named in messages, e.g. "static"
	limit   int64  // the largest a file may be, in bytes
}

// Open gives the tree at dir, confined to the project directory, its files
// limited to limit bytes; name is how messages call the tree.
func Open(dir, project, name string, limit int64) (*Tree, error) {
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	absProject, err := filepath.Abs(project)
	if err != nil {
		return nil, err
	}
	if real, err := filepath.EvalSymlinks(absProject); err == nil {
		absProject = real
	}
	return &Tree{dir: absDir, project: absProject, name: name, limit: limit}, nil
}

// Error is a file of a tree that the rules refuse; its text names the file
// (static/x.css: …), so that callers pass it on as it is.
type Error struct {
	File string // as messages name it: static/x.css
	Msg  string
}

func (e *Error) Error() string { return e.File + ": " + e.Msg }

// Named gives err as it should be reported for the file called file: as it
// is when it already names the file (an *Error), else prefixed with it.
func Named(file string, err error) error {
	var named *Error
	if errors.As(err, &named) {
		return named
	}
	return fmt.Errorf("%s: %w", file, err)
}

// Project is the directory that holds every tree: their nearest common ancestor.
func Project(dirs ...string) (string, error) {
	var common string
	for i, d := range dirs {
		abs, err := filepath.Abs(d)
		if err != nil {
			return "", err
		}
		if i == 0 {
			common = abs
			continue
		}
		for !strings.HasPrefix(abs+string(filepath.Separator), common+string(filepath.Separator)) && common != filepath.Dir(common) {
			common = filepath.Dir(common)
		}
	}
	return common, nil
}

// display is a name of the tree as messages give it: static/x.css.
func (t *Tree) display(name string) string { return path.Join(t.name, name) }

// Open opens a regular file or a directory of the tree.
func (t *Tree) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if name != "." && slices.ContainsFunc(strings.Split(name, "/"), Ignored) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	real, err := filepath.EvalSymlinks(filepath.Join(t.dir, filepath.FromSlash(name)))
	if err != nil {
		return nil, t.explain(name, err)
	}
	if rel, err := filepath.Rel(t.project, real); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil, &Error{t.display(name), fmt.Sprintf("a symbolic link that leads outside the project (to %s); link only to files inside it", real)}
	}
	fi, err := os.Stat(real)
	if err != nil {
		return nil, t.explain(name, err)
	}
	if !fi.Mode().IsRegular() && !fi.IsDir() {
		return nil, &Error{t.display(name), fmt.Sprintf("not a regular file (%s); remove it from the tree", kind(fi.Mode()))}
	}
	f, err := os.Open(real)
	if err != nil {
		return nil, t.explain(name, err)
	}
	if fi.IsDir() {
		return &dir{File: f}, nil
	}
	return &file{f: f, name: t.display(name), max: t.limit, left: t.limit}, nil
}

// explain names the file in an error; a missing file stays fs.ErrNotExist.
func (t *Tree) explain(name string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return Named(t.display(name), err)
}

func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return m.Type().String()
}

// file is an open regular file that stops at the tree's limit. It has
// no other method than fs.File's, so that nothing reads past it.
type file struct {
	f         *os.File
	name      string
	max, left int64
}

func (f *file) Stat() (fs.FileInfo, error) { return f.f.Stat() }
func (f *file) Close() error               { return f.f.Close() }

func (f *file) Read(p []byte) (int, error) {
	if f.left <= 0 {
		// Reading one byte more tells an exact fit from a larger file.
		var one [1]byte
		if n, _ := f.f.Read(one[:]); n == 0 {
			return 0, io.EOF
		}
		return 0, &Error{f.name, fmt.Sprintf("larger than %d bytes, the most a file of this tree may have", f.max)}
	}
	if int64(len(p)) > f.left {
		p = p[:f.left]
	}
	n, err := f.f.Read(p)
	f.left -= int64(n)
	return n, err
}

// dir is an open directory that does not list editors' leftovers.
type dir struct{ *os.File }

func (d *dir) ReadDir(n int) ([]fs.DirEntry, error) {
	entries, err := d.File.ReadDir(n)
	return slices.DeleteFunc(entries, func(e fs.DirEntry) bool { return Ignored(e.Name()) }), err
}
