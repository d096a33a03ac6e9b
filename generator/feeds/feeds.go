// Package feeds writes the files that crawlers, feed readers and language
// models read: sitemap.xml, robots.txt, feed.xml (Atom) and llms.txt.
//
// It takes the site's pages and documents and gives those files by path.
// Dates come from the documents, never from the clock, so builds stay
// byte-identical.
package feeds

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"sort"
	"strings"

	"statements/generator/markdown"
	"statements/generator/siteurl"
	"statements/generator/structure"
)

// Files gives sitemap.xml, robots.txt, feed.xml and llms.txt.
func Files(site *markdown.Site, pages []*markdown.Page) (map[string][]byte, error) {
	sitemap, err := Sitemap(site, pages)
	if err != nil {
		return nil, err
	}
	feed, err := Atom(site)
	if err != nil {
		return nil, err
	}
	return map[string][]byte{
		"sitemap.xml": sitemap,
		"robots.txt":  Robots(site.Base),
		"feed.xml":    feed,
		"llms.txt":    LLMs(site, pages),
	}, nil
}

// latest is the newest document date, the last change of pages not tied to one document.
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

// Sitemap lists every page but the not-found page, with the date it last changed.
func Sitemap(site *markdown.Site, pages []*markdown.Page) ([]byte, error) {
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	newest := latest(site.Documents)
	for _, p := range pages {
		if p.Layout == markdown.NotFoundLayout {
			continue
		}
		mod := newest
		if p.Document != nil {
			mod = p.Document.Date
		}
		set.URLs = append(set.URLs, sitemapURL{Loc: site.Base.Abs(p.Path), LastMod: mod})
	}
	sort.Slice(set.URLs, func(i, j int) bool { return set.URLs[i].Loc < set.URLs[j].Loc })
	return encodeXML(set)
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
		NS: "http://www.w3.org/2005/Atom", Lang: "zh-Hans",
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
			Summary: fmt.Sprintf("%s. %s, %s.", d.TitleEn, strings.Join(d.Parties, "、"), d.Date),
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

// LLMs is llms.txt (llmstxt.org): the site in one markdown page, pointing to the markdown of every page.
func LLMs(site *markdown.Site, pages []*markdown.Page) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n> %s\n\n", site.Meta.Title, site.Meta.Description)
	b.WriteString("Every page of this site is also published as markdown (index.md beside index.html). " +
		"Texts are exactly as officially published; each block has a permanent id (eId) used in its URL.\n\n")
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
			md(p, fmt.Sprintf("%s, %s", p.Document.TitleEn, p.Document.Date))
		}
	}
	b.WriteString("\n## Themes\n\n")
	for _, p := range pages {
		if p.Layout == markdown.ThemeLayout || p.Layout == markdown.ThemesLayout {
			md(p, "")
		}
	}
	for _, d := range site.Documents {
		fmt.Fprintf(&b, "\n## Clauses of %s\n\n", d.Short)
		for _, p := range pages {
			if p.Layout == markdown.ClauseLayout && p.Document == d {
				md(p, "")
			}
		}
	}
	b.WriteString("\n## Optional\n\n")
	fmt.Fprintf(&b, "- [Data formats](%s): JSON, Akoma Ntoso XML and markdown, documented\n", site.Base.Abs("/data/"))
	fmt.Fprintf(&b, "- [Home](%s)\n", site.Base.Abs("/index.md"))
	return []byte(b.String())
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
