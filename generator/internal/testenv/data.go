package testenv

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"statements/generator/export"
	"statements/generator/load"
	"statements/generator/structure"
)

// ReadJSON decodes the JSON file at path into v, failing the test otherwise.
func ReadJSON(t testing.TB, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// BlockRef names one block of one document.
type BlockRef struct{ Document, EID string }

// BlocksContaining lists, from the data of the site built in publicDir,
// every block whose published text contains s, in the site's order.
func BlocksContaining(t testing.TB, publicDir, s string) []BlockRef {
	t.Helper()
	var index export.Index
	ReadJSON(t, filepath.Join(publicDir, "data", "index.json"), &index)
	var found []BlockRef
	for _, d := range index.Documents {
		var doc export.Document
		ReadJSON(t, filepath.Join(publicDir, "data", d.Slug+".json"), &doc)
		for _, b := range doc.Blocks {
			if strings.Contains(b.Text, s) {
				found = append(found, BlockRef{d.Slug, b.EID})
			}
		}
	}
	return found
}

// Structured loads a content tree and structures its documents, as the
// build does before annotating them.
func Structured(t testing.TB, contentDir string) (*load.Content, []*structure.Document) {
	t.Helper()
	content, err := load.Load(os.DirFS(contentDir), "content")
	if err != nil {
		t.Fatal(err)
	}
	docs := make([]*structure.Document, len(content.Documents))
	for i, d := range content.Documents {
		if docs[i], err = structure.Build(d); err != nil {
			t.Fatal(err)
		}
	}
	return content, docs
}
