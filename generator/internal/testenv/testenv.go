// Package testenv is what the generator's tests share: a copy of the site's
// sources to edit, and a headless Chromium started the one way this project
// starts it. It is imported only by tests.
package testenv

import (
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// SourceDirs are the trees a build reads.
var SourceDirs = []string{"content", "layouts", "static"}

// CopySite copies the repository's content/, layouts/ and static/ (found
// under repoRoot) into a new temporary directory, the only place tests edit.
func CopySite(t testing.TB, repoRoot string) string {
	t.Helper()
	dst := t.TempDir()
	for _, dir := range SourceDirs {
		CopyDir(t, filepath.Join(repoRoot, dir), filepath.Join(dst, dir))
	}
	return dst
}

// CopyDir copies a tree, like cp -r.
func CopyDir(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
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

// InCI reports whether the tests run in CI, where nothing may be skipped.
func InCI() bool { return os.Getenv("CI") == "true" }

// Chromium finds Debian's Chromium, or returns "".
func Chromium() string {
	for _, name := range []string{"chromium", "/usr/bin/chromium"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// ChromiumOrSkip returns Chromium's path, skipping the test when it is
// missing, or failing it in CI.
func ChromiumOrSkip(t testing.TB) string {
	t.Helper()
	p := Chromium()
	if p == "" {
		const msg = "Chromium is not installed (apt-get install chromium fonts-noto-cjk)"
		if InCI() {
			t.Fatal(msg + "; CI must have it")
		}
		t.Skip(msg + ": skipping the browser test")
	}
	return p
}

// NewAllocator starts headless Chromium with the project's flags (no network
// beyond loopback, no background services) and a profile in profileDir.
func NewAllocator(ctx context.Context, chromium, profileDir string, extra ...chromedp.ExecAllocatorOption) (context.Context, context.CancelFunc) {
	opts := append([]chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(profileDir),
	}, extra...)
	return chromedp.NewExecAllocator(ctx, opts...)
}
