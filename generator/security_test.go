package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var cspMeta = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)

// TestEveryPageIsLockedDown: every built page carries a Content-Security-Policy
// that allows no inline script and no third-party origin, and has no inline
// script, event handler or javascript: URL for it to stop.
func TestEveryPageIsLockedDown(t *testing.T) {
	pages := 0
	filepath.WalkDir(filepath.Join(repoRoot, "public"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		m := cspMeta.FindSubmatch(data)
		if m == nil {
			t.Errorf("%s has no Content-Security-Policy", p)
			return nil
		}
		policy := map[string]string{}
		for _, directive := range strings.Split(string(m[1]), ";") {
			name, value, _ := strings.Cut(strings.TrimSpace(directive), " ")
			policy[name] = value
		}
		for _, name := range []string{"default-src", "script-src", "style-src"} {
			if policy[name] != "'self'" {
				t.Errorf("%s: %s is %q, want 'self' only", p, name, policy[name])
			}
		}
		if policy["object-src"] != "'none'" || policy["base-uri"] != "'none'" {
			t.Errorf("%s: policy %q lacks object-src/base-uri 'none'", p, m[1])
		}
		if strings.Contains(string(m[1]), "unsafe") || strings.Contains(string(m[1]), "http") {
			t.Errorf("%s: policy %q allows unsafe sources or another origin", p, m[1])
		}
		for _, problem := range activeContent(t, p) {
			t.Errorf("%s: %s", p, problem)
		}
		return nil
	})
	if pages < 100 {
		t.Errorf("only %d pages checked", pages)
	}
}
