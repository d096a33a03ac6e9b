package serve

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"mime"
	"net/http"
	"path"
	"sort"
	"strings"
)

// reloadTag is what the dev server adds to every HTML response, before
// </head>. It is an external script, so that pages whose
// Content-Security-Policy allows only 'self' scripts still run it.
const reloadTag = `<script src="/_dev/reload.js" defer></script>`

// snapshot is one complete build as served. It is never changed once made:
// a rebuild makes a new one and swaps the pointer.
type snapshot struct {
	files map[string]*file // site path without the leading slash: "index.html", "x/index.html", "site.css"
	id    string           // a digest of every path and ETag: equal ids, equal sites
}

// file is one response body with its headers. An HTML page is kept as
// built, with where reloadTag goes: the snapshot shares the build's bytes
// instead of holding a second copy of every page.
type file struct {
	src   []byte // as built
	tagAt int    // where reloadTag goes into src, or -1
	etag  string // quoted hash of the body as served
	ctype string
	mix   [16]byte // a hash of the path and ETag, for the snapshot's id
}

// body is the file as served: an HTML page with reloadTag.
func (f *file) body() []byte {
	if f.tagAt < 0 {
		return f.src
	}
	out := make([]byte, 0, len(f.src)+len(reloadTag))
	out = append(out, f.src[:f.tagAt]...)
	out = append(out, reloadTag...)
	return append(out, f.src[f.tagAt:]...)
}

// newSnapshot serves a build's files. A file that is the very slice of
// one in prev (the Builder hands out its cached bytes for the output it
// reused) is taken from prev as it is, so a rebuild hashes only the files
// it made again. prev may be nil.
func newSnapshot(files map[string][]byte, prev *snapshot) *snapshot {
	s := &snapshot{files: make(map[string]*file, len(files))}
	var id [16]byte
	for name, data := range files {
		f := prev.same(name, data)
		if f == nil {
			f = newFile(data, contentType(name, data))
			mix := sha256.Sum256([]byte(name + "\x00" + f.etag))
			copy(f.mix[:], mix[:])
		}
		s.files[name] = f
		for i := range id {
			id[i] ^= f.mix[i] // an order-free digest of the set of (path, ETag)
		}
	}
	s.id = hex.EncodeToString(id[:8])
	return s
}

// same is prev's file of that name if it was made from the very bytes data.
func (s *snapshot) same(name string, data []byte) *file {
	if s == nil || len(data) == 0 {
		return nil
	}
	f := s.files[name]
	if f == nil || len(f.src) != len(data) || &f.src[0] != &data[0] {
		return nil
	}
	return f
}

// newFile serves src as ctype: an HTML page with reloadTag before </head>
// (or, without one, at the end).
func newFile(src []byte, ctype string) *file {
	f := &file{src: src, tagAt: -1, ctype: ctype}
	if strings.HasPrefix(ctype, "text/html") {
		if f.tagAt = indexFold(src, []byte("</head>")); f.tagAt < 0 {
			f.tagAt = len(src)
		}
	}
	h := sha256.New()
	if f.tagAt < 0 {
		h.Write(src)
	} else {
		h.Write(src[:f.tagAt])
		h.Write([]byte(reloadTag))
		h.Write(src[f.tagAt:])
	}
	f.etag = `"` + hex.EncodeToString(h.Sum(nil)[:16]) + `"`
	return f
}

// changedFiles lists the site paths added, removed or changed from old to
// new, sorted. With no old build, everything has changed.
func changedFiles(old, new *snapshot) []string {
	var changed []string
	for name, f := range new.files {
		if old == nil || old.files[name] == nil || old.files[name].etag != f.etag {
			changed = append(changed, name)
		}
	}
	if old != nil {
		for name := range old.files {
			if new.files[name] == nil {
				changed = append(changed, name)
			}
		}
	}
	sort.Strings(changed)
	return changed
}

// injectReload is an HTML page as served: reloadTag before </head> (or,
// without one, at the end).
func injectReload(html []byte) []byte { return newFile(html, "text/html; charset=utf-8").body() }

// indexFold is bytes.Index for an ASCII needle, ignoring case.
func indexFold(s, needle []byte) int {
	for i := 0; ; {
		j := bytes.IndexByte(s[i:], needle[0])
		if j < 0 || i+j+len(needle) > len(s) {
			return -1
		}
		i += j
		if bytes.EqualFold(s[i:i+len(needle)], needle) {
			return i
		}
		i++
	}
}

var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".md":          "text/markdown; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".xml":         "application/xml",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/x-icon",
	".woff2":       "font/woff2",
	".woff":        "font/woff",
	".pdf":         "application/pdf",
	".webmanifest": "application/manifest+json",
}

// contentType is the Content-Type of a site file, by its extension (a fixed
// table first, so the answer does not depend on the machine's mime.types).
func contentType(name string, data []byte) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return http.DetectContentType(data)
}
