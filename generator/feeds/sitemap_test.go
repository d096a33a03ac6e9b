package feeds

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"statements/generator/markdown"
	"statements/generator/siteurl"
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
	if got := writeURLSet(ns, []*SitemapPart{partOf(urls[:1]), partOf(urls[1:])}, 0, 2); !bytes.Equal(got, want) {
		t.Errorf("writeURLSet gives\n%s\nencoding/xml\n%s", got, want)
	}
}

// TestSitemapSplits: beyond MaxSitemapURLs the sitemap is an index of
// files of at most that many URLs, which list every URL once, in the order
// of their locations, whatever the order of the parts, with each file's
// newest date in the index.
func TestSitemapSplits(t *testing.T) {
	base, _ := siteurl.Parse("https://example.org/")
	rng := rand.New(rand.NewPCG(7, 8))
	var parts []*SitemapPart
	var want []sitemapURL
	for d := range 60 {
		var urls []sitemapURL
		date := fmt.Sprintf("20%02d-01-01", rng.IntN(25))
		for i := range 1 + rng.IntN(4000) {
			urls = append(urls, sitemapURL{Loc: fmt.Sprintf("https://example.org/doc-%03d/p_%d/", d, i), LastMod: date})
		}
		want = append(want, urls...)
		parts = append(parts, partOf(slices.Clone(urls)))
	}
	rng.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
	slices.SortFunc(want, func(a, b sitemapURL) int { return strings.Compare(a.Loc, b.Loc) })
	files, err := Sitemap(&markdown.Site{Base: base}, parts, nil)
	if err != nil {
		t.Fatal(err)
	}
	var index sitemapIndex
	if err := xml.Unmarshal(files["sitemap.xml"], &index); err != nil {
		t.Fatal(err)
	}
	if n := (len(want) + MaxSitemapURLs - 1) / MaxSitemapURLs; len(index.Sitemaps) != n || len(files) != n+1 {
		t.Fatalf("%d URLs: an index of %d sitemaps and %d files, want %d and %d", len(want), len(index.Sitemaps), len(files), n, n+1)
	}
	var got []sitemapURL
	for k, entry := range index.Sitemaps {
		name := fmt.Sprintf("sitemap-%d.xml", k+1)
		if entry.Loc != "https://example.org/"+name {
			t.Errorf("index entry %d is %s", k, entry.Loc)
		}
		var set urlset
		if err := xml.Unmarshal(files[name], &set); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(set.URLs) > MaxSitemapURLs {
			t.Errorf("%s lists %d URLs", name, len(set.URLs))
		}
		newest := ""
		for _, u := range set.URLs {
			newest = max(newest, u.LastMod)
		}
		if entry.LastMod != newest {
			t.Errorf("%s: lastmod %s in the index, its newest %s", name, entry.LastMod, newest)
		}
		got = append(got, set.URLs...)
	}
	if !slices.Equal(got, want) {
		t.Errorf("the sitemaps list %d URLs, not the %d locations in order", len(got), len(want))
	}
}
