package feeds

import (
	"bytes"
	"testing"
)

// writeURLSet writes what encoding/xml writes for the same urlset,
// characters that need escaping included.
func TestWriteURLSetIsEncodeXML(t *testing.T) {
	urls := []sitemapURL{{Loc: "https://example.org/a/", LastMod: "2025-09-04"}, {Loc: "https://example.org/q?a=1&b=<2>\"'\t\n", LastMod: "2024-01-02"}}
	const ns = "http://www.sitemaps.org/schemas/sitemap/0.9"
	want, err := encodeXML(urlset{NS: ns, URLs: urls})
	if err != nil {
		t.Fatal(err)
	}
	if got := writeURLSet(ns, urls); !bytes.Equal(got, want) {
		t.Errorf("writeURLSet gives\n%s\nencoding/xml\n%s", got, want)
	}
}
