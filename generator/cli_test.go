package main

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var generatorBinary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "generator-bin-")
	if err != nil {
		panic(err)
	}
	generatorBinary = filepath.Join(dir, "generator")
	if out, err := exec.Command("go", "build", "-o", generatorBinary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building the generator: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// copyTree copies the repository's content, layouts and static into a temporary site directory.
func copyTree(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	for _, dir := range []string{"content", "layouts", "static"} {
		src := filepath.Join(repoRoot, dir)
		err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(repoRoot, p)
			if d.IsDir() {
				return os.MkdirAll(filepath.Join(dst, rel), 0o755)
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// runGenerator runs the built command in dir and returns its exit code and output.
func runGenerator(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(generatorBinary, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0, stdout.String(), stderr.String()
	case errors.As(err, &exit):
		return exit.ExitCode(), stdout.String(), stderr.String()
	}
	t.Fatal(err)
	return 0, "", ""
}

// treeHash summarises every file's path, bytes and modification time.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if !d.IsDir() {
			data, _ := os.ReadFile(p)
			info, _ := d.Info()
			fmt.Fprintf(h, "%s %x %d\n", p, sha256.Sum256(data), info.ModTime().UnixNano())
		}
		return nil
	})
	return fmt.Sprintf("%x", h.Sum(nil))
}

func TestCommandBuildsAndReports(t *testing.T) {
	dir := copyTree(t)
	code, out, errOut := runGenerator(t, dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "built public: 2 documents,") || !strings.Contains(out, " in ") || strings.Count(out, "\n") != 1 {
		t.Errorf("summary line = %q", out)
	}
	before := treeHash(t, filepath.Join(dir, "public"))
	if code, out, _ = runGenerator(t, dir); code != 0 || !strings.Contains(out, "(0 written,") {
		t.Errorf("second build: exit %d, %q; want nothing rewritten", code, out)
	}
	if treeHash(t, filepath.Join(dir, "public")) != before {
		t.Error("a second build with nothing changed altered public/ (bytes or modification times)")
	}
}

// TestBrokenInputKeepsPublic: each broken input fails with file:line and exit
// status 1, and leaves the last good public/ exactly as it was.
func TestBrokenInputKeepsPublic(t *testing.T) {
	const cuba = "content/documents/china-cuba-joint-statement-2025.md"
	edit := func(file, old, new string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			p := filepath.Join(dir, file)
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(data, []byte(old)) {
				t.Fatalf("%s does not contain %q", file, old)
			}
			os.WriteFile(p, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644)
		}
	}
	tests := []struct {
		name   string
		break_ func(t *testing.T, dir string)
		want   string
	}{
		{"numbering skips", edit(cuba, "四、古方重申", "五、古方重申"), cuba + ":28: numbering skips: 五、 after number 3 (expected 4)"},
		{"numbering repeats", edit(cuba, "四、古方重申", "三、古方重申"), cuba + ":28: number 三、 repeats the number before it"},
		{"bad front matter", edit(cuba, "date: 2025-09-04", "date: [2025"), cuba + ":"},
		{"invalid UTF-8", edit(cuba, "古方坚定支持中方在涉疆", "古方坚定\xc3支持中方在涉疆"), cuba + ":30: invalid UTF-8"},
		{"layout error", edit("layouts/clause.html", "{{$d.Short}}", "{{$d.Short"), "layouts/clause.html:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyTree(t)
			if code, _, errOut := runGenerator(t, dir); code != 0 {
				t.Fatalf("first build failed: %s", errOut)
			}
			before := treeHash(t, filepath.Join(dir, "public"))
			tt.break_(t, dir)
			code, out, errOut := runGenerator(t, dir)
			if code != 1 {
				t.Errorf("exit status %d, want 1", code)
			}
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr = %q\nwant containing %q", errOut, tt.want)
			}
			if out != "" {
				t.Errorf("stdout = %q, want nothing on failure", out)
			}
			if treeHash(t, filepath.Join(dir, "public")) != before {
				t.Error("the failed build changed public/")
			}
		})
	}
}
