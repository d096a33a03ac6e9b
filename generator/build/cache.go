package build

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash"
	"io/fs"
	"sync"

	"statements/generator/html"
	"statements/generator/linkcheck"
	"statements/generator/markdown"
	"statements/generator/structure"
)

// Builder builds the site again and again, as a long-running process such as
// the development server does, rendering only the pages whose inputs changed
// since its previous build and reusing the HTML of the others. Its builds give
// the same files as Build. It is safe for concurrent use; builds run one at a
// time. The bytes of a Site's Files are shared with the Builder: do not modify them.
type Builder struct {
	mu    sync.Mutex
	cache renderCache
}

// Stats says how a build got its pages' HTML.
type Stats struct {
	Rendered int // pages rendered by this build
	Reused   int // pages whose HTML the previous build had rendered from the same inputs
}

// NewBuilder gives a Builder with nothing rendered yet.
func NewBuilder() *Builder { return &Builder{} }

// Build builds the whole site, as the package's Build does.
func (b *Builder) Build(cfg Config) (*Site, Stats, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.cache.stats = Stats{}
	out := &mapOutput{files: map[string][]byte{}}
	site, err := build(cfg, &b.cache, out)
	if err != nil {
		return nil, b.cache.stats, err
	}
	site.Files = out.files
	return site, b.cache.stats, nil
}

// pageKey is a digest of everything a page's HTML is rendered from.
type pageKey [sha256.Size]byte

// renderCache holds the HTML of the last build's pages by key.
//
// A page is rendered from its layout (and base.html), the site's metadata
// and base URL, and the page itself. Its key covers: every file of layouts/;
// the site metadata and base URL; the page's path, layout, HeadTitle,
// Description and Crumbs; its full markdown (Page.Markdown: front matter,
// title, body and sections, so also a document page's whole structure); for a
// page of one document (document and clause pages) that document's metadata;
// for a clause page the eId and label of the previous and next blocks and of
// its ancestors (named in its JSON-LD); for any other page the metadata of
// every document, which the 404 and search layouts list.
type renderCache struct {
	html    map[pageKey]page               // a page's HTML and its link check summary
	shared  []byte                         // this build's layouts, site metadata and base URL, digested
	docs    map[*structure.Document][]byte // each document's metadata, as JSON
	allDocs []byte                         // every document's metadata, digested
	stats   Stats
}

// page is what the cache keeps of a rendered page.
type page struct {
	html  []byte
	links *linkcheck.Summary
}

// rendered is one page's output.
type rendered struct {
	html, md []byte // md is nil for a page without index.md
	links    *linkcheck.Summary
	key      pageKey
	reused   bool
	err      error
}

// begin digests what every page of this build shares.
func (c *renderCache) begin(layouts fs.FS, ms *markdown.Site) error {
	h := sha256.New()
	err := fs.WalkDir(layouts, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(layouts, name)
		writeField(h, []byte(name))
		writeField(h, data)
		return err
	})
	if err != nil {
		return fmt.Errorf("layouts: %w", err)
	}
	meta, err := json.Marshal(ms.Meta)
	if err != nil {
		return err
	}
	writeField(h, meta)
	writeField(h, []byte(ms.Base.Abs("/")))
	c.shared = h.Sum(nil)
	c.docs = map[*structure.Document][]byte{}
	all := sha256.New()
	for _, d := range ms.Documents {
		m := *d.Document
		m.Paragraphs = nil
		if c.docs[d], err = json.Marshal(m); err != nil {
			return err
		}
		writeField(all, c.docs[d])
	}
	c.allDocs = all.Sum(nil)
	return nil
}

// render gives a page's HTML, from the cache when its key is there, and its markdown.
func (c *renderCache) render(r *html.Renderer, p *markdown.Page) rendered {
	var res rendered
	if res.md, res.err = p.Markdown(); res.err != nil {
		return res
	}
	res.key = c.key(p, res.md)
	if kept, ok := c.html[res.key]; ok {
		res.html, res.links, res.reused = kept.html, kept.links, true
	} else {
		res.html, res.err = renderSafely(r, p)
	}
	if p.MarkdownFile() == "" {
		res.md = nil
	}
	return res
}

// key digests everything p is rendered from; md is p.Markdown().
func (c *renderCache) key(p *markdown.Page, md []byte) pageKey {
	h := sha256.New()
	for _, field := range [][]byte{c.shared, []byte(p.Path), []byte(p.Layout), []byte(p.HeadTitle), []byte(p.Description), md} {
		writeField(h, field)
	}
	for _, crumb := range p.Crumbs {
		writeField(h, []byte(crumb.Title))
		writeField(h, []byte(crumb.Path))
	}
	if p.Document == nil {
		writeField(h, c.allDocs)
	} else {
		writeField(h, c.docs[p.Document])
	}
	if p.Block != nil {
		for _, b := range related(p.Document, p.Block) {
			writeField(h, []byte(b.EID))
			writeField(h, []byte(b.Label))
		}
	}
	var k pageKey
	h.Sum(k[:0])
	return k
}

// related lists the blocks a clause page names besides its own: the previous
// and next blocks (nil at the ends) and its ancestors.
func related(d *structure.Document, b *structure.Block) []*structure.Block {
	var prev, next *structure.Block
	if b.Index > 0 {
		prev = d.Blocks[b.Index-1]
	}
	if b.Index+1 < len(d.Blocks) {
		next = d.Blocks[b.Index+1]
	}
	blocks := []*structure.Block{prev, next}
	for i, rb := range blocks {
		if rb == nil {
			blocks[i] = &structure.Block{}
		}
	}
	return append(blocks, b.Ancestors()...)
}

// keep makes this build's pages the cache, dropping pages no longer built, and counts them.
func (c *renderCache) keep(results []rendered) {
	next := make(map[pageKey]page, len(results))
	for _, res := range results {
		if res.err != nil {
			continue
		}
		next[res.key] = page{res.html, res.links}
		if res.reused {
			c.stats.Reused++
		} else {
			c.stats.Rendered++
		}
	}
	c.html = next
}

// writeField adds one length-prefixed field to a key, so that fields cannot run into each other.
func writeField(h hash.Hash, field []byte) {
	var n [binary.MaxVarintLen64]byte
	h.Write(n[:binary.PutUvarint(n[:], uint64(len(field)))])
	h.Write(field)
}

// renderSafely renders a page, turning a panic in a layout or renderer into
// an error: the pages render on worker goroutines, where a panic would end
// the whole process, the development server with it.
func renderSafely(r *html.Renderer, p *markdown.Page) (out []byte, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("%s: rendering failed: %v", p.Path, v)
		}
	}()
	return r.Render(p)
}
