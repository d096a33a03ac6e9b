package testenv

import (
	"os"
	"path/filepath"
	"testing"

	"statements/generator/build"
	"statements/generator/siteurl"
)

// ShapesContent is the content tree, below the repository root, of a
// document of every shape (see generator/structure/shapes_test.go).
var ShapesContent = filepath.Join("generator", "structure", "testdata", "content")

// BuildShapes builds the site's own content, pages and layouts, with the
// documents of every shape in place of its documents, themes and translations.
func BuildShapes(t testing.TB, repoRoot string) *build.Site {
	t.Helper()
	content := filepath.Join(t.TempDir(), "content")
	CopyDir(t, filepath.Join(repoRoot, "content"), content)
	WithoutDocuments(t, content)
	CopyDir(t, filepath.Join(repoRoot, ShapesContent, "documents"), filepath.Join(content, "documents"))
	site, err := build.Build(build.Config{
		Content: os.DirFS(content),
		Layouts: os.DirFS(filepath.Join(repoRoot, "layouts")),
		Static:  os.DirFS(filepath.Join(repoRoot, "static")),
		Base:    siteurl.Base{},
	})
	if err != nil {
		t.Fatal(err)
	}
	return site
}

// WithoutDocuments empties a copy of the content tree of what belongs to
// its documents: the documents, the themes that quote them, their
// translations and their notes; the site's own files and pages stay.
func WithoutDocuments(t testing.TB, content string) {
	t.Helper()
	for _, dir := range []string{"documents", "themes", "translations", "notes"} {
		if err := os.RemoveAll(filepath.Join(content, dir)); err != nil {
			t.Fatal(err)
		}
	}
}
