// Package siteurl turns site paths into the URLs a page links to.
//
// Every page and link is known by its site path ("/", "/<doc>/#para_4"). The
// base URL says where the site is served: "/" for a local preview (links
// stay root-relative), or an absolute URL such as https://example.org/sub/
// for a deployment under a sub-path, which every link then carries.
//
// A site in more than one language has an edition per language: the
// site's own language at the root, each other under /<language>/ (Edition).
// An edition's pages are its own; every other file (stylesheets, scripts,
// data, the search index) is shared, served once at the root. A site path
// names a page when it ends in "/" (before any #fragment or ?query): "/",
// "/<doc>/#para_4"; anything else ("/site.css", "/data/x.json",
// "/404.html") names a file.
package siteurl

import (
	"fmt"
	"net/url"
	"strings"
)

// Base is where the site is served.
type Base struct {
	prefix  string // path prefix without trailing slash: "" or "/sub/path"
	origin  string // "https://example.org", or "" for a root-relative preview
	edition string // an edition's folder, "/en", or "" for the site's language
}

// Parse reads a base URL: "/" , "/sub/", or "https://host/sub/".
func Parse(raw string) (Base, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return Base{}, fmt.Errorf("base URL %q: %v", raw, err)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return Base{}, fmt.Errorf("base URL %q: must not have a query, fragment or user", raw)
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return Base{}, fmt.Errorf("base URL %q: scheme must be http or https", raw)
	}
	if u.Scheme != "" && u.Host == "" {
		return Base{}, fmt.Errorf("base URL %q: has a scheme but no host", raw)
	}
	if u.Scheme == "" && !strings.HasPrefix(u.Path, "/") {
		return Base{}, fmt.Errorf("base URL %q: must be absolute (https://host/path/) or start with /", raw)
	}
	b := Base{prefix: strings.TrimSuffix(u.EscapedPath(), "/")}
	if u.Scheme != "" {
		b.origin = u.Scheme + "://" + u.Host
	}
	return b, nil
}

// Path is the link to a site path, as written in pages: "/sub/<doc>/#para_4",
// and in an edition "/sub/en/<doc>/#para_4" (but "/sub/site.css").
func (b Base) Path(sitePath string) string { return b.prefix + b.editionOf(sitePath) + sitePath }

// Abs is the absolute URL of a site path, for canonical links, feeds and
// citations; for a root-relative preview base it equals Path.
func (b Base) Abs(sitePath string) string { return b.origin + b.Path(sitePath) }

// editionOf is the edition's folder for a page's path, "" for a file's.
func (b Base) editionOf(sitePath string) string {
	if isPage(sitePath) {
		return b.edition
	}
	return ""
}

// isPage tells a page's path from a file's: it ends in "/" before any
// fragment or query.
func isPage(sitePath string) bool {
	if i := strings.IndexAny(sitePath, "#?"); i >= 0 {
		sitePath = sitePath[:i]
	}
	return strings.HasSuffix(sitePath, "/")
}

// Rebase gives a link written in markdown its base: a site path as
// editors write it ("/<doc>/#para_4", "/data/index.json") becomes Path's
// link; a link that has its base already, as the page writers make them
// ("/sub/en/<doc>/", "/sub/site.css"), and any other link stay as they are.
func (b Base) Rebase(link string) string {
	if !strings.HasPrefix(link, "/") || strings.HasPrefix(link, "//") {
		return link
	}
	if strings.HasPrefix(link, b.prefix+b.editionOf(link)+"/") {
		return link
	}
	return b.Path(link)
}

// Edition is the base of the site's edition in the language lang, whose
// pages are under /<lang>/; Edition("") is the site's own language's.
func (b Base) Edition(lang string) Base {
	b.edition = ""
	if lang != "" {
		b.edition = "/" + lang
	}
	return b
}

// Dir is the folder, relative to the site's root, that the edition's pages
// are written in: "" for the site's language, "en/" for an English edition.
func (b Base) Dir() string {
	if b.edition == "" {
		return ""
	}
	return b.edition[1:] + "/"
}

// Prefix is the path every page of the site starts with, "" at the root.
func (b Base) Prefix() string { return b.prefix }

// IsAbsolute reports whether the base names a host.
func (b Base) IsAbsolute() bool { return b.origin != "" }
