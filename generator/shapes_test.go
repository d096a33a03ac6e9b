package main

// Documents of every shape, through the whole build: the fixtures of
// generator/structure/testdata/content with the site's own layouts.

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"statements/generator/build"
	"statements/generator/internal/testenv"
)

func buildShapes(t *testing.T) *build.Site { return testenv.BuildShapes(t, repoRoot) }

// TestShapesBuild: every shape builds (its links checked), with no warning,
// and its JSON, Akoma Ntoso XML and markdown hold every block with the
// same text.
func TestShapesBuild(t *testing.T) {
	site := buildShapes(t)
	if len(site.Documents) == 0 {
		t.Fatal("no documents")
	}
	for _, w := range site.Warnings {
		t.Errorf("warning: %v", w)
	}
	for _, d := range site.Documents {
		t.Run(d.Slug, func(t *testing.T) { formatsAgree(t, site.Files, d.Slug) })
	}
}

// TestAkomaNtosoValidates checks every Akoma Ntoso file, published and of
// every shape, against the OASIS schema, with xmllint (Debian: libxml2-utils).
func TestAkomaNtosoValidates(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		const msg = "xmllint is not installed (apt-get install libxml2-utils)"
		if testenv.InCI() {
			t.Fatal(msg + "; CI must have it")
		}
		t.Skip(msg + ": skipping the schema check")
	}
	dir := t.TempDir()
	files, _ := filepath.Glob(filepath.Join(repoRoot, "public", "data", "*.akn.xml"))
	for name, data := range buildShapes(t).Files {
		if strings.HasSuffix(name, ".akn.xml") {
			file := filepath.Join(dir, filepath.Base(name))
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, file)
		}
	}
	if len(files) < 10 {
		t.Fatalf("only %d Akoma Ntoso files to check", len(files))
	}
	out, err := exec.Command(xmllint, append([]string{"--noout", "--schema", "export/testdata/akn/akomantoso30.xsd"}, files...)...).CombinedOutput()
	if err != nil {
		t.Errorf("xmllint: %v\n%s", err, out)
	}
}
