package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// TestNoWordingInGo: the site's wording lives in layouts/strings, one
// file per language, so no Go file outside tests holds a Chinese string
// literal, but for the numbering grammar's table (grammar), the
// importer's patterns (ocrimport), the synthetic documents (synth), which
// are text to read, not wording to show, and the citation styles (cite),
// whose marks GB/T 7714 fixes whatever the page's language. A character
// written as an escape ("\u3000") is a pattern, not wording: the test reads
// the literals as written.
func TestNoWordingInGo(t *testing.T) {
	allowed := []string{"grammar", "ocrimport", "synth", "cite"}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			for _, a := range allowed {
				if d.Name() == a || d.Name() == "node_modules" || d.Name() == "testdata" {
					return filepath.SkipDir
				}
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			if strings.ContainsFunc(lit.Value, isChinese) {
				t.Errorf("%s: %s: wording belongs in layouts/strings, a pattern in the grammar table", fset.Position(lit.Pos()), lit.Value)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// isChinese tells Han characters and CJK punctuation (、。《》（）：).
func isChinese(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3001 && r <= 0x303f || r >= 0xff01 && r <= 0xff60
}
