// Package linkcheck proves a built site has no dangling internal link.
//
// It takes the site's files (path → bytes), the base it is served under and
// the links editors wrote in the content (Source), and gives an error
// listing every broken link: an href or src inside the site that names no
// file, or a #fragment that names no element id in its target page; an
// editor's link as "file:line: …", once, any other as "page: link". Links
// to other hosts are not checked.
package linkcheck

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"path"
	"sort"
	"strings"

	"golang.org/x/net/html"

	"statements/generator/siteurl"
)

// page is what one HTML file offers and asks for.
type page struct {
	ids   map[string]bool
	links []string
}

// Source is a link an editor wrote, in a markdown body of the content
// (a theme's annotation, an editorial page): a broken one is reported at
// its file and line, once, not at every page it is built into.
type Source struct {
	File string // the content file: content/themes/x.md
	Line int
	Page string // the page it is resolved on, a site path: /themes/x/
	Link string // as written: /doc/#para_4, #notes
}

// Check verifies the links of sources, then every internal link of every
// HTML file in files but those sources report.
func Check(files map[string][]byte, base siteurl.Base, sources []Source) error {
	pages := map[string]*page{}
	for name, data := range files {
		if strings.HasSuffix(name, ".html") {
			pages[name] = scan(data)
		}
	}
	site, _ := url.Parse("http://site.invalid" + base.Prefix() + "/")
	var broken []string
	reported := map[string]bool{}
	for _, src := range sources {
		self := site.ResolveReference(&url.URL{Path: strings.TrimPrefix(src.Page, "/")})
		built := src.Link // as the pages have it: a site path under the base
		if strings.HasPrefix(built, "/") {
			built = base.Path(built)
		}
		if msg := checkLink(built, self, site, base, files, pages); msg != "" {
			broken = append(broken, fmt.Sprintf("%s:%d: link %s leads nowhere (%s)", src.File, src.Line, src.Link, msg))
			reported[built] = true
		}
	}
	for name, p := range pages {
		self := site.ResolveReference(&url.URL{Path: strings.TrimSuffix(name, "index.html")})
		for _, link := range p.links {
			if reported[link] {
				continue
			}
			if msg := checkLink(link, self, site, base, files, pages); msg != "" {
				broken = append(broken, fmt.Sprintf("%s: %s (%s)", name, link, msg))
			}
		}
	}
	if len(broken) == 0 {
		return nil
	}
	sort.Strings(broken)
	return errors.New("broken links:\n" + strings.Join(broken, "\n"))
}

// checkLink returns why a link is broken, or "".
func checkLink(link string, self, site *url.URL, base siteurl.Base, files map[string][]byte, pages map[string]*page) string {
	ref, err := url.Parse(link)
	if err != nil {
		return "not a URL"
	}
	if base.IsAbsolute() && ref.IsAbs() && strings.HasPrefix(link, base.Abs("/")) {
		ref, _ = url.Parse(strings.TrimPrefix(link, strings.TrimSuffix(base.Abs("/"), base.Prefix()+"/")))
	}
	if ref.Scheme != "" || ref.Host != "" {
		return "" // another site
	}
	target := self.ResolveReference(ref)
	rel, inside := strings.CutPrefix(target.Path, site.Path)
	if !inside {
		return "outside the site's base path " + site.Path
	}
	file := rel
	if file == "" || strings.HasSuffix(file, "/") {
		file += "index.html"
	}
	file = path.Clean(file)
	if _, ok := files[file]; !ok {
		return "no such file"
	}
	frag := target.Fragment
	if frag == "" || strings.HasPrefix(frag, ":~:") {
		return ""
	}
	frag, _, _ = strings.Cut(frag, ":~:")
	p := pages[file]
	if p == nil {
		return "a fragment on a file that is not a page"
	}
	if !p.ids[frag] {
		return "no element with id " + frag
	}
	return ""
}

// scan collects the ids and the links of an HTML page.
func scan(data []byte) *page {
	p := &page{ids: map[string]bool{}}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return p
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			for hasAttr {
				var key, val []byte
				key, val, hasAttr = z.TagAttr()
				switch string(key) {
				case "id":
					p.ids[string(val)] = true
				case "href", "src":
					if string(name) != "base" {
						p.links = append(p.links, string(val))
					}
				}
			}
		}
	}
}
