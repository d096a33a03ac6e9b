// Package feeds writes the files that crawlers, feed readers and language
// models read: sitemap.xml, robots.txt, feed.xml (Atom) and llms.txt.
//
// It takes the site's pages and documents and gives those files by path.
// What is made per document (its part of the sitemap, of llms-full.txt)
// is made once per version of the document and joined for the site, so
// a rebuild after an edit remakes one document's parts. Dates come from
// the documents, never from the clock, so builds stay byte-identical.
package feeds

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"slices"
	"sort"
	"strings"

	"statements/generator/markdown"
	"statements/generator/siteurl"
	"statements/generator/structure"
)

// Files gives sitemap.xml (and its parts), robots.txt, feed.xml, llms.txt and llms-full.txt.
func Files(site *markdown.Site, pages []*markdown.Page, parts []*SitemapPart, sitePages []*markdown.Page) (map[string][]byte, error) {
	files, err := Sitemap(site, parts, sitePages)
	if err != nil {
		return nil, err
	}
	feed, err := Atom(site)
	if err != nil {
		return nil, err
	}
	files["robots.txt"] = Robots(site.Base)
	files["feed.xml"] = feed
	files["llms.txt"] = LLMs(site, pages)
	return files, nil
}

// Latest is the newest document date, the last change of pages not tied
// to one document.
func Latest(docs []*structure.Document) string { return latest(docs) }

func latest(docs []*structure.Document) string {
	date := ""
	for _, d := range docs {
		if d.Date > date {
			date = d.Date
		}
	}
	return date
}

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod"`
}

// MaxSitemapURLs is the most URLs one sitemap file may list (sitemaps.org).
const MaxSitemapURLs = 50000

type sitemapIndex struct {
	XMLName  xml.Name       `xml:"sitemapindex"`
	NS       string         `xml:"xmlns,attr"`
	Sitemaps []sitemapEntry `xml:"sitemap"`
}

type sitemapEntry struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod"`
}

// SitemapPart is a run of the sitemap's <url> elements, sorted by their
// locations: a document's pages, made once per version of the document
// (a build keeps it with the document's pages), or one page of the site's
// own. The pages of a document share its path as a prefix, so its run
// stays together in the sitemap's order, and the sitemap is its parts
// sorted by their first location, joined.
type SitemapPart struct {
	first  string  // the first location
	data   []byte  // the <url> elements
	starts []int32 // where each begins in data
	newest string  // the newest lastmod among them
}

// NewSitemapPart is the part of pages, each last changed on lastmod.
func NewSitemapPart(base siteurl.Base, pages []*markdown.Page, lastmod string) *SitemapPart {
	urls := make([]sitemapURL, 0, len(pages))
	for _, p := range pages {
		if p.Layout != markdown.NotFoundLayout {
			urls = append(urls, sitemapURL{Loc: base.Abs(p.Path), LastMod: lastmod})
		}
	}
	return partOf(urls)
}

// partOf is the part of urls, in the order of their locations.
func partOf(urls []sitemapURL) *SitemapPart {
	slices.SortFunc(urls, func(a, b sitemapURL) int { return strings.Compare(a.Loc, b.Loc) })
	part := &SitemapPart{starts: make([]int32, len(urls))}
	var b bytes.Buffer
	b.Grow(len(urls) * 120)
	for i, u := range urls {
		part.starts[i] = int32(b.Len())
		b.WriteString("  <url>\n    <loc>")
		xml.EscapeText(&b, []byte(u.Loc))
		b.WriteString("</loc>\n    <lastmod>")
		xml.EscapeText(&b, []byte(u.LastMod))
		b.WriteString("</lastmod>\n  </url>\n")
	}
	if len(urls) > 0 {
		part.first = urls[0].Loc
	}
	part.data = slices.Clip(b.Bytes())
	for i := range urls {
		part.newest = max(part.newest, lastModIn(part.elements(i, i+1)))
	}
	return part
}

// Sitemap lists every page but the not-found page, with the date it last
// changed: in sitemap.xml, or, beyond MaxSitemapURLs, in sitemap-1.xml,
// sitemap-2.xml … that sitemap.xml indexes. parts are the documents'
// (NewSitemapPart); sitePages, the pages of the site's own, last changed
// with the newest document.
func Sitemap(site *markdown.Site, parts []*SitemapPart, sitePages []*markdown.Page) (map[string][]byte, error) {
	newest := latest(site.Documents)
	runs := slices.Clone(parts)
	for _, p := range sitePages {
		if p.Layout != markdown.NotFoundLayout {
			runs = append(runs, NewSitemapPart(site.Base, []*markdown.Page{p}, newest))
		}
	}
	runs = slices.DeleteFunc(runs, func(r *SitemapPart) bool { return len(r.starts) == 0 })
	slices.SortStableFunc(runs, func(a, b *SitemapPart) int { return strings.Compare(a.first, b.first) })
	const ns = "http://www.sitemaps.org/schemas/sitemap/0.9"
	files := map[string][]byte{}
	total := 0
	for _, r := range runs {
		total += len(r.starts)
	}
	if total <= MaxSitemapURLs {
		files["sitemap.xml"] = writeURLSet(ns, runs, 0, total)
		return files, nil
	}
	index := sitemapIndex{NS: ns}
	for k := 0; k*MaxSitemapURLs < total; k++ {
		name := fmt.Sprintf("sitemap-%d.xml", k+1)
		files[name] = writeURLSet(ns, runs, k*MaxSitemapURLs, min((k+1)*MaxSitemapURLs, total))
		index.Sitemaps = append(index.Sitemaps, sitemapEntry{Loc: site.Base.Abs("/" + name), LastMod: lastModOf(runs, k*MaxSitemapURLs, min((k+1)*MaxSitemapURLs, total))})
	}
	data, err := encodeXML(index)
	files["sitemap.xml"] = data
	return files, err
}

// spans calls f with the <url> elements from-th to the one before the
// to-th, counting through runs in order, as few spans as the runs make:
// elements i to j-1 of run r at a time. A sitemap is mostly whole runs,
// each copied at once.
func spans(runs []*SitemapPart, from, to int, f func(r *SitemapPart, i, j int)) {
	n := 0
	for _, r := range runs {
		if n >= to {
			return
		}
		if i, j := max(from-n, 0), min(to-n, len(r.starts)); i < j {
			f(r, i, j)
		}
		n += len(r.starts)
	}
}

// elements are a run's <url> elements i to j-1.
func (r *SitemapPart) elements(i, j int) []byte {
	end := len(r.data)
	if j < len(r.starts) {
		end = int(r.starts[j])
	}
	return r.data[r.starts[i]:end]
}

// writeURLSet is a sitemap of the URLs from-th to to-th of runs: what
// encodeXML gives for a urlset, written directly, since a site of a
// thousand documents has 50,000 of them.
func writeURLSet(ns string, runs []*SitemapPart, from, to int) []byte {
	var b bytes.Buffer
	size := 0
	spans(runs, from, to, func(r *SitemapPart, i, j int) { size += len(r.elements(i, j)) })
	b.Grow(size + 200)
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="`)
	xml.EscapeText(&b, []byte(ns))
	b.WriteString("\">\n")
	spans(runs, from, to, func(r *SitemapPart, i, j int) { b.Write(r.elements(i, j)) })
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// lastModOf is the newest lastmod of the URLs from-th to to-th of runs.
func lastModOf(runs []*SitemapPart, from, to int) string {
	mod := ""
	spans(runs, from, to, func(r *SitemapPart, i, j int) {
		if i == 0 && j == len(r.starts) {
			mod = max(mod, r.newest)
			return
		}
		for k := i; k < j; k++ {
			mod = max(mod, lastModIn(r.elements(k, k+1)))
		}
	})
	return mod
}

// lastModIn is the lastmod of a <url> element.
func lastModIn(element []byte) string {
	_, after, _ := bytes.Cut(element, []byte("<lastmod>"))
	date, _, _ := bytes.Cut(after, []byte("<"))
	return string(date)
}

// Robots allows everything and points to the sitemap.
func Robots(base siteurl.Base) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + base.Abs("/sitemap.xml") + "\n")
}

type atomFeed struct {
	XMLName xml.Name    `xml:"feed"`
	NS      string      `xml:"xmlns,attr"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title     string     `xml:"title"`
	ID        string     `xml:"id"`
	Updated   string     `xml:"updated"`
	Published string     `xml:"published"`
	Links     []atomLink `xml:"link"`
	Summary   string     `xml:"summary"`
}

// Atom is a feed of the documents, newest first: a new statement in content/ appears in it.
func Atom(site *markdown.Site) ([]byte, error) {
	day := func(date string) string { return date + "T00:00:00Z" }
	feed := atomFeed{
		NS: "http://www.w3.org/2005/Atom", Lang: site.Meta.Language,
		Title: site.Meta.Title, ID: id(site.Base, "/", "site"), Updated: day(latest(site.Documents)),
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: site.Base.Abs("/feed.xml")},
			{Rel: "alternate", Type: "text/html", Href: site.Base.Abs("/")}},
		Author: atomPerson{Name: site.Meta.Author},
	}
	docs := append([]*structure.Document(nil), site.Documents...)
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].Date > docs[j].Date })
	for _, d := range docs {
		feed.Entries = append(feed.Entries, atomEntry{
			Title: d.Title, ID: id(site.Base, markdown.DocumentPath(d), d.Slug),
			Updated: day(d.Date), Published: day(d.Date),
			Links:   []atomLink{{Rel: "alternate", Type: "text/html", Href: site.Base.Abs(markdown.DocumentPath(d))}},
			Summary: fmt.Sprintf("%s. %s, %s.", d.TitleEn, strings.Join(d.Parties, site.Words.ListSep), d.Date),
		})
	}
	return encodeXML(feed)
}

// id is an entry's permanent Atom id: its absolute URL, or for a site
// previewed without a host a tag URI that names it all the same.
func id(base siteurl.Base, path, name string) string {
	if base.IsAbsolute() {
		return base.Abs(path)
	}
	return "urn:x-statements:" + name
}

// LLMs is llms.txt (llmstxt.org): an index of the site in markdown, its
// size bounded by the number of documents (one line each): the documents,
// the ways to browse them, the themes, and llms-full.txt for the full text.
func LLMs(site *markdown.Site, pages []*markdown.Page) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n> %s\n\n", site.Meta.Title, site.Meta.Description)
	b.WriteString("Every page of this site is also published as markdown (index.md beside index.html), every clause on a page of its own. " +
		"The texts are in Chinese, transcribed from the sources each document names; how each was transcribed and checked, what it can be compared with and its corrections are at the end of its page (#provenance) and in its data. " +
		"Each block has a permanent id (eId) used in its URL. " +
		"The full text of every document is in llms-full.txt.\n\n")
	md := func(p *markdown.Page, note string) {
		fmt.Fprintf(&b, "- [%s](%s)", p.HeadTitle, site.Base.Abs(p.Path+"index.md"))
		if note != "" {
			b.WriteString(": " + note)
		}
		b.WriteString("\n")
	}
	b.WriteString("## Documents\n\n")
	for _, p := range pages {
		if p.Layout == markdown.DocumentLayout {
			md(p, strings.TrimPrefix(p.Document.TitleEn+", "+p.Document.Date, ", "))
		}
	}
	b.WriteString("\n## Browse\n\n")
	fmt.Fprintf(&b, "- [By country and organisation](%s)\n- [By year](%s)\n- [Themes](%s)\n",
		site.Base.Abs(markdown.PartiesPath+"index.md"), site.Base.Abs(markdown.YearsPath+"index.md"), site.Base.Abs(markdown.ThemesPath+"index.md"))
	b.WriteString("\n## Optional\n\n")
	fmt.Fprintf(&b, "- [Full text](%s): every document, its blocks with their ids\n", site.Base.Abs("/llms-full.txt"))
	fmt.Fprintf(&b, "- [Data formats](%s): JSON, Akoma Ntoso XML and markdown, documented\n", site.Base.Abs("/data/"))
	fmt.Fprintf(&b, "- [Home](%s)\n", site.Base.Abs("/index.md"))
	return []byte(b.String())
}

// LLMsFullPath is the site path of llms-full.txt.
const LLMsFullPath = "/llms-full.txt"

// LLMsFull is llms-full.txt: every document's text, block by block, each
// with its id and the URL of its own page; parts are the documents'
// LLMsFullParts, in site order.
func LLMsFull(title string, parts [][]byte) []byte {
	head := fmt.Sprintf("# %s: full text\n\n", title)
	n := len(head)
	for _, p := range parts {
		n += len(p)
	}
	b := make([]byte, 0, n)
	b = append(b, head...)
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

// LLMsFullPart is one document's part of llms-full.txt, made once per
// version of the document (a build keeps it with the document's pages).
func LLMsFullPart(base siteurl.Base, d *structure.Document) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n%s · %s\n\n", d.Title, d.Date, base.Abs(markdown.DocumentPath(d)))
	for _, blk := range d.Blocks {
		fmt.Fprintf(&b, "%s\n[%s](%s)\n\n", blk.Text(), blk.EID, base.Abs(markdown.BlockPath(d, blk)))
	}
	return []byte(b.String()) // a copy of exactly its length: kept until the build ends
}

func encodeXML(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	b.WriteString("\n")
	return b.Bytes(), nil
}
