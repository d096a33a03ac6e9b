// Package siteurl turns site paths into the URLs a page links to.
//
// Every page and link is known by its site path ("/", "/<doc>/#para_4"). The
// base URL says where the site is served: "/" for a local preview (links
// stay root-relative), or an absolute URL such as https://example.org/sub/
// for a deployment under a sub-path, which every link then carries.
package siteurl

import (
	"fmt"
	"net/url"
	"strings"
)

// Base is where the site is served.
type Base struct {
	prefix string // path prefix without trailing slash: "" or "/sub/path"
	origin string // "https://example.org", or "" for a root-relative preview
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

// Path is the link to a site path, as written in pages: "/sub/<doc>/#para_4".
func (b Base) Path(sitePath string) string { return b.prefix + sitePath }

// Abs is the absolute URL of a site path, for canonical links, feeds and
// citations; for a root-relative preview base it equals Path.
func (b Base) Abs(sitePath string) string { return b.origin + b.prefix + sitePath }

// Prefix is the path every page of the site starts with, "" at the root.
func (b Base) Prefix() string { return b.prefix }

// IsAbsolute reports whether the base names a host.
func (b Base) IsAbsolute() bool { return b.origin != "" }
