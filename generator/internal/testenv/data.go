package testenv

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"statements/generator/export"
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
