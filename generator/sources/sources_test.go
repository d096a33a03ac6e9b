package sources

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		"4913": true, "5036": true, "5159": true, ".x.md.swp": true, ".x.md.swx": true, ".x.md.swo": true, "x.md~": true,
		"site.css~": true, "x.md___jb_tmp___": true, "x.md___jb_old___": true, ".#x.md": true, "#x.md#": true, ".DS_Store": true, "Thumbs.db": true,
		"x.md": false, "site.css": false, "4914": false, "04913": false, "2025.md": false, "#": false, "a#b#": false,
	} {
		if Ignored(name) != want {
			t.Errorf("Ignored(%q) = %v, want %v", name, !want, want)
		}
	}
}

// project makes a project with a static tree holding site.css, and returns
// the project and the tree's directory.
func project(t *testing.T) (string, string) {
	t.Helper()
	p := t.TempDir()
	static := filepath.Join(p, "static")
	os.MkdirAll(filepath.Join(p, "content", "images"), 0o755)
	os.MkdirAll(static, 0o755)
	os.WriteFile(filepath.Join(static, "site.css"), []byte("body{}"), 0o644)
	os.WriteFile(filepath.Join(p, "content", "images", "logo.svg"), []byte("<svg/>"), 0o644)
	return p, static
}

func TestTreeReadsAndLinksInside(t *testing.T) {
	p, static := project(t)
	os.Symlink(filepath.Join(p, "content", "images"), filepath.Join(static, "images"))
	os.WriteFile(filepath.Join(static, "site.css~"), []byte("old"), 0o644)
	tree, err := Open(static, p, "static", 100)
	if err != nil {
		t.Fatal(err)
	}
	if data, err := fs.ReadFile(tree, "site.css"); err != nil || string(data) != "body{}" {
		t.Errorf("site.css = %q, %v", data, err)
	}
	if data, err := fs.ReadFile(tree, "images/logo.svg"); err != nil || string(data) != "<svg/>" {
		t.Errorf("a link inside the project: %q, %v", data, err)
	}
	entries, _ := fs.ReadDir(tree, ".")
	for _, e := range entries {
		if e.Name() == "site.css~" {
			t.Error("an editor's backup is listed")
		}
	}
	if _, err := fs.ReadFile(tree, "site.css~"); err == nil {
		t.Error("an editor's backup opens")
	}
}

func TestTreeRefuses(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(static string) error
		want    string
	}{
		{"a link out of the project", func(static string) error { return os.Symlink("/etc/passwd", filepath.Join(static, "notes.txt")) },
			"static/notes.txt: a symbolic link that leads outside the project"},
		{"a link to a device", func(static string) error { return os.Symlink("/dev/zero", filepath.Join(static, "notes.txt")) },
			"static/notes.txt: a symbolic link that leads outside the project"},
		{"a named pipe", func(static string) error { return syscall.Mkfifo(filepath.Join(static, "notes.txt"), 0o644) },
			"static/notes.txt: not a regular file (a named pipe)"},
		{"a file over the limit", func(static string) error {
			return os.WriteFile(filepath.Join(static, "notes.txt"), []byte(strings.Repeat("x", 101)), 0o644)
		}, "static/notes.txt: larger than 100 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, static := project(t)
			if err := tt.prepare(static); err != nil {
				t.Fatal(err)
			}
			tree, err := Open(static, p, "static", 100)
			if err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { _, err := fs.ReadFile(tree, "notes.txt"); done <- err }()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("error = %v, want %q", err, tt.want)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("reading blocked")
			}
		})
	}
	// A file of exactly the limit is read whole.
	p, static := project(t)
	os.WriteFile(filepath.Join(static, "exact.txt"), []byte(strings.Repeat("x", 100)), 0o644)
	tree, _ := Open(static, p, "static", 100)
	if data, err := fs.ReadFile(tree, "exact.txt"); err != nil || len(data) != 100 {
		t.Errorf("a file of the limit: %d bytes, %v", len(data), err)
	}
}

func TestProject(t *testing.T) {
	if got, _ := Project("/a/b/content", "/a/b/layouts", "/a/static"); got != "/a" {
		t.Errorf("Project = %s, want /a", got)
	}
	if got, _ := Project("/a/content", "/a/content", "/a/content"); got != "/a/content" {
		t.Errorf("Project = %s", got)
	}
}
