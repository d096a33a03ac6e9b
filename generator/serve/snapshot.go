package serve

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"mime"
	"net/http"
	"net/url"
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
	files fileSet  // by site path without the leading slash: "index.html", "x/index.html", "site.css"
	id    string   // a digest of every path and ETag: equal ids, equal sites
	mix   [16]byte // id's bits: the XOR of every file's mix
	// A snapshot patched from another (patchSnapshot) has its id, and
	// the paths that differ from it.
	parent string
	delta  []string
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
	s := &snapshot{files: newFileSet(len(files))}
	for name, data := range files {
		s.add(name, prev.reuse(name, data))
	}
	s.id = hex.EncodeToString(s.mix[:8])
	return s
}

// patchSnapshot is prev with the files of changed (paths, sorted) as they
// are in files (a path not in files is removed): a rebuild's snapshot,
// when the build says what changed since the build prev serves. Its work
// is proportional to the changes (see fileSet).
func patchSnapshot(prev *snapshot, files map[string][]byte, changed []string) *snapshot {
	s := &snapshot{files: prev.files.patch(), mix: prev.mix, parent: prev.id, delta: changed}
	for _, name := range changed {
		if old := s.files.get(name); old != nil {
			s.remove(name, old)
		}
		if data, ok := files[name]; ok {
			s.add(name, prev.reuse(name, data))
		}
	}
	s.id = hex.EncodeToString(s.mix[:8])
	return s
}

// add serves f at name; remove stops serving old there. The snapshot's
// mix is an order-free digest of the set of (path, ETag).
func (s *snapshot) add(name string, f *file) {
	s.files.set(name, f)
	xor(&s.mix, f.mix)
}

func (s *snapshot) remove(name string, old *file) {
	s.files.remove(name)
	xor(&s.mix, old.mix)
}

func xor(a *[16]byte, b [16]byte) {
	for i := range a {
		a[i] ^= b[i]
	}
}

// reuse is prev's file of that name if it was made from the very bytes
// data, or a new one.
func (s *snapshot) reuse(name string, data []byte) *file {
	if f := s.same(name, data); f != nil {
		return f
	}
	f := newFile(data, contentType(name, data))
	mix := sha256.Sum256([]byte(name + "\x00" + f.etag))
	copy(f.mix[:], mix[:])
	return f
}

// same is prev's file of that name if it was made from the very bytes data.
func (s *snapshot) same(name string, data []byte) *file {
	if s == nil || len(data) == 0 {
		return nil
	}
	f := s.files.get(name)
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

// served is the file a GET of the site path page is answered with, and
// its name: the page's file, or the 404 page; nil for none (or a bad path).
func (s *snapshot) served(page string) (string, *file) {
	u, err := url.Parse(page)
	if err != nil {
		return "", nil
	}
	name, ok := cleanPath(u)
	if !ok || strings.HasPrefix(name, "_dev/") {
		return "", nil
	}
	if name = indexName(name); s.files.get(name) != nil {
		return name, s.files.get(name)
	}
	return "404.html", s.files.get("404.html")
}

// changedFiles lists the site paths added, removed or changed from old to
// new, sorted. With no old build, everything has changed. For a snapshot
// patched from old, they are its delta without the files whose ETag is
// the same.
func changedFiles(old, new *snapshot) []string {
	var changed []string
	if old != nil && new.parent == old.id && new.parent != "" {
		for _, name := range new.delta {
			f, o := new.files.get(name), old.files.get(name)
			if f != o && (f == nil || o == nil || f.etag != o.etag) {
				changed = append(changed, name)
			}
		}
		return changed
	}
	for name, f := range new.files.all() {
		if old == nil || old.files.get(name) == nil || old.files.get(name).etag != f.etag {
			changed = append(changed, name)
		}
	}
	if old != nil {
		for name := range old.files.all() {
			if new.files.get(name) == nil {
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
