// Package i18ntest gives tests the repository's wording, read from its
// layouts/strings, so that no test writes wording of its own.
package i18ntest

import (
	"os"
	"path/filepath"
	"testing"

	"statements/generator/i18n"
)

// Words is the repository's wording in the language lang (zh-Hans, en).
func Words(tb testing.TB, lang string) *i18n.Strings {
	tb.Helper()
	all, err := i18n.Load(os.DirFS(filepath.Join(root(tb), "layouts")))
	if err != nil {
		tb.Fatal(err)
	}
	w := all[lang]
	if w == nil {
		tb.Fatalf("no layouts/strings/%s.yaml", lang)
	}
	return w
}

// root is the repository's top folder: the first above the working
// directory that holds go.mod.
func root(tb testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("no go.mod above the working directory")
		}
		dir = parent
	}
}
