package serve

import (
	"bytes"
	_ "embed"
	"net/http"
	"net/url"
	"strings"
	"time"
)

//go:embed reload.js
var reloadJS []byte

// notBuilt is served, with status 503, while no build has succeeded yet: it
// loads the reload script, which shows the error and reloads once it is fixed.
var notBuilt = []byte(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>The site is not built</title>
` + reloadTag + `
</head>
<body>
<p>The site could not be built: the error is shown above and in the terminal. This page reloads once it is fixed.</p>
</body>
</html>
`)

// ServeHTTP answers GET and HEAD requests from the current build:
//
//	/x/            x/index.html
//	/x             a redirect to /x/, when x/index.html exists
//	anything else  the file of that path, or the site's 404.html with status 404
//	/_dev/reload.js, /_dev/events  the live-reload script and its event stream
//
// Paths with "." or ".." segments, empty segments, encoded slashes or
// backslashes are refused with 400; nothing outside the build is ever read.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := cleanPath(r.URL)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	h := w.Header()
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	switch name {
	case "_dev/reload.js":
		serveFile(w, r, s.script)
		return
	case strings.TrimPrefix(eventsEndpoint, "/"):
		s.events.ServeHTTP(w, r)
		return
	}
	snap := s.site.Load()
	if snap == nil {
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Retry-After", "1")
		w.WriteHeader(http.StatusServiceUnavailable)
		if r.Method != http.MethodHead {
			w.Write(notBuilt)
		}
		return
	}
	if !strings.HasPrefix(name, "_dev/") {
		name = indexName(name)
		if f := snap.files.get(name); f != nil {
			serveFile(w, r, f)
			return
		}
		if snap.files.get(name+"/index.html") != nil {
			to := (&url.URL{Path: "/" + name + "/", RawQuery: r.URL.RawQuery}).String()
			http.Redirect(w, r, to, http.StatusFound)
			return
		}
	}
	notFound(w, r, snap)
}

// serveFile answers with f, or 304 Not Modified when the client has it.
func serveFile(w http.ResponseWriter, r *http.Request, f *file) {
	w.Header().Set("Content-Type", f.ctype)
	w.Header().Set("ETag", f.etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(f.body()))
}

// notFound answers with the site's own 404 page.
func notFound(w http.ResponseWriter, r *http.Request, snap *snapshot) {
	f := snap.files.get("404.html")
	if f == nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", f.ctype)
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(f.body())
	}
}

// cleanPath gives the site path a request names, without its leading
// slash, and whether it is acceptable: absolute, with no ".", ".." or
// empty segments (so no "//etc/passwd"), no encoded slash or backslash, no
// backslash or NUL. u.Path is already percent-decoded, so "/%2e%2e/" is
// caught as "..".
func cleanPath(u *url.URL) (string, bool) {
	p := u.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	raw := strings.ToLower(u.RawPath)
	if strings.Contains(raw, "%2f") || strings.Contains(raw, "%5c") {
		return "", false
	}
	segs := strings.Split(p[1:], "/")
	for i, seg := range segs {
		if seg == "." || seg == ".." || (seg == "" && i != len(segs)-1) {
			return "", false
		}
	}
	return p[1:], true
}

// indexName is the file a site path without its leading slash names:
// a directory's index.html.
func indexName(name string) string {
	if name == "" || strings.HasSuffix(name, "/") {
		return name + "index.html"
	}
	return name
}

// sitePath is the URL path of a site file: "x/index.html" → "/x/".
func sitePath(name string) string {
	if name == "index.html" {
		return "/"
	}
	if dir, ok := strings.CutSuffix(name, "/index.html"); ok {
		return "/" + dir + "/"
	}
	return "/" + name
}
