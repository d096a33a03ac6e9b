package build

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sync"

	"statements/generator/annotate"
	"statements/generator/cite"
	"statements/generator/editorial"
	"statements/generator/export"
	"statements/generator/feeds"
	"statements/generator/html"
	"statements/generator/internal/digest"
	"statements/generator/linkcheck"
	"statements/generator/load"
	"statements/generator/markdown"
	"statements/generator/search"
	"statements/generator/siteurl"
	"statements/generator/structure"
)

// Builder builds the site again and again, as a long-running process such as
// the development server does, making again only the output whose inputs
// changed since its previous build and reusing the rest. Its builds give
// the same files as Build. It is safe for concurrent use; builds run one at a
// time. A Site's Files are the Builder's own map, which its next Build
// patches in place (copy it, maps.Clone, to keep it), and their bytes are
// shared with the Builder: do not modify them.
type Builder struct {
	mu    sync.Mutex
	cache cache
	// the files of the last successful build, and which of them were not of a unit
	files  map[string][]byte
	others map[string]bool
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
	b.cache.begin()
	out := newPatchOutput(b.files, b.others)
	done := false
	defer func() {
		if !done { // an error, or a panic on its way up
			b.cache.undo()
			out.undo()
		}
	}()
	site, err := build(cfg, &b.cache, out)
	if err != nil {
		return nil, b.cache.stats, err
	}
	done = true
	changed := out.finish(b.cache.dropped, b.others)
	if b.files != nil {
		site.Changed = changed
	}
	b.files, b.others = out.files, out.others
	site.Files = out.files
	return site, b.cache.stats, nil
}

// A unit is output made from one unitInput: a document's pages and
// exports, or one page of the site's own.
//
// Its cache key is the digest of its unitInput (package digest): the
// functions that make a unit read nothing else (besides the Renderer and
// the link check's Checker, whose own inputs, the layouts and the base URL,
// are in the Renderer's digest), so whatever a layout or a page writer
// reads is in the key by construction, and a unit is made again exactly
// when something it could have read has changed. A document's structure
// enters the key as the digest of the loaded document it was built from
// (structure.Build is a function of that alone): see cache.structure.
type unitInput struct {
	Renderer digest.Digest        // the layouts and base URL (html.Renderer.Digest)
	Site     *html.Site           // what layouts see of the site
	Page     *markdown.Page       // a site page, or
	Theme    *markdown.ThemePage  // a theme's page, or
	Doc      *markdown.DocContext // a document
}

// unit is what a unit made: its files, its pages without their markdown,
// and for a document its parts of the files that span the site.
type unit struct {
	files   []file
	pages   []*markdown.Page
	dropped int // of a document's unit in a build without a cache: its pages let go of (but its document page)
	// of a document's unit made with a cache: each page's key and files,
	// and how many of them it took from the last build
	rendered []renderedPage
	reused   int
	search   *search.Part
	index    *export.IndexPart
	llms     []byte             // its part of llms-full.txt
	sitemap  *feeds.SitemapPart // its pages in the sitemap
}

// file is one output file, with the link check's summary of a page.
type file struct {
	name  string
	data  []byte
	links *linkcheck.Summary
}

// put hands a unit's files to the sink; kept says the unit is the previous
// build's (so are its files and their link check summaries).
func (u *unit) put(k *sink, kept bool) error {
	taken, ok := k.links.AddNewAll(func(yield func(string, *linkcheck.Summary) bool) {
		for _, f := range u.files {
			if !yield(f.name, f.links) {
				return
			}
		}
	}, kept)
	if !ok {
		return fmt.Errorf("pages: %s would overwrite a generated file of the same path", taken)
	}
	if uo, ok := k.out.(unitOutput); ok {
		return uo.putUnit(u, kept)
	}
	for _, f := range u.files {
		if err := k.out.Put(f.name, f.data); err != nil {
			return err
		}
	}
	return nil
}

// unitOutput is an Output that holds the previous build's files: it
// takes a unit at a time, and a unit kept from that build need not be put.
type unitOutput interface {
	putUnit(u *unit, kept bool) error
}

// cache is what a Builder keeps between builds: the units of the last
// successful build, by key, and the documents it loaded and structured.
type cache struct {
	mu     sync.Mutex
	units  map[digest.Digest]*unit
	docs   map[digest.Digest]*structure.Document // by the digest of their load.Document
	ids    map[any]digest.Digest                 // loaded values' digests (identify): documents, notes
	loaded load.Loader
	// what this build made or reused, kept by keep if it succeeds
	nextUnits map[digest.Digest]*unit
	nextDocs  map[digest.Digest]*structure.Document
	nextIDs   map[any]digest.Digest
	stats     Stats
	memos     map[string]memo // files made from all documents, by path
	nextMemos map[string]memo
	hits      annotate.Scans                                         // where the themes' terms occur in the documents
	links     *linkcheck.Checker                                     // the link check of the last good build
	pending   *linkcheck.Checker                                     // this build's, continued from links
	gone      []*unit                                                // the units of the last good build that this one has not
	dropped   []*unit                                                // the units of the build before the last that the last did not have
	searches  map[string]*search.Joiner                              // each edition's search index, joined again shard by shard
	pages     map[digest.Digest][]file                               // the files of the last good build's document pages, by page key (pages.go)
	made      []*unit                                                // the units this build made, not reused
	aligned   carried[alignKey, aligned]                             // translations (translations.go)
	placed    carried[noteKey, []*editorial.Note]                    // editors' notes (carried.go)
	passages  carried[markdown.PassagesKey, *markdown.ThemePassages] // themes' passages, by document (carried.go)
}

// searchJoiner gives the joiner of the search index of the edition in
// lang ("" for the site's own): the one of the last build, which joins
// again only the documents that changed, or a new one; nil without a
// cache. Called before the editions are joined side by side, so that
// they do not write the map at once.
func (c *cache) searchJoiner(lang string) *search.Joiner {
	if c == nil {
		return nil
	}
	j := c.searches[lang]
	if j == nil {
		if c.searches == nil {
			c.searches = map[string]*search.Joiner{}
		}
		j = &search.Joiner{}
		c.searches[lang] = j
	}
	return j
}

// lastLinks is the link check of the last good build, if any.
func (c *cache) lastLinks() *linkcheck.Checker {
	if c == nil {
		return nil
	}
	return c.links
}

// memo is output made from the parts of every document, with the digest of its input.
type memo struct {
	key  digest.Digest
	data any
}

// memo gives make(in), or the last build's file of that path if in has
// the same digest. The documents' parts in it are digested as the key of
// the unit that made them (see unitRenderer.get), so an unchanged input
// costs a digest of a few bytes per document.
func memoize[In, Out any](c *cache, h *digest.Hasher, path string, in In, make func(In) (Out, error)) (Out, error) {
	if c == nil {
		return make(in)
	}
	key := h.Of(in)
	if m, ok := c.memos[path]; ok && m.key == key {
		c.nextMemos[path] = m
		return m.data.(Out), nil
	}
	data, err := make(in)
	if err == nil {
		c.nextMemos[path] = memo{key, data}
	}
	return data, err
}

// nextLinks gives this build's link check: the last good build's
// continued (linkcheck.Checker.Next), or a new one for a first build.
func (c *cache) nextLinks(base siteurl.Base) *linkcheck.Checker {
	if c.links == nil {
		c.pending = linkcheck.New(base)
	} else {
		c.pending = c.links.Next(base)
	}
	return c.pending
}

// keys digests every unit's input, in parallel, and then says to the
// link check which files of the last build's units go (those whose key
// is not among this build's), before any unit puts its files: so a file
// at the path of one that stays is refused at once. Without a cache there
// are no keys.
func (c *cache) keys(h *digest.Hasher, inputs []unitInput) []digest.Digest {
	keys := make([]digest.Digest, len(inputs))
	if c == nil {
		return keys
	}
	parallel(len(inputs), func(i int) error { // digests do not fail
		keys[i] = h.Of(inputs[i])
		return nil
	})
	now := make(map[digest.Digest]bool, len(keys))
	for _, key := range keys {
		now[key] = true
	}
	c.gone = nil
	for key, u := range c.units {
		if !now[key] {
			c.gone = append(c.gone, u)
		}
	}
	if c.links != nil {
		c.pending.Remove(func(yield func(string) bool) {
			for _, u := range c.gone {
				for _, f := range u.files {
					if !yield(f.name) {
						return
					}
				}
			}
		})
	}
	return keys
}

// undo ends a failed build: the link check of the last good build gets
// back the files this one changed.
func (c *cache) undo() {
	if c.pending != nil {
		c.pending.Undo()
		c.pending = nil
	}
}

// loader gives the cache's Loader, nil without a cache.
func (c *cache) loader() *load.Loader {
	if c == nil {
		return nil
	}
	return &c.loaded
}

// scans gives what the cache knows of where terms occur, nil without a cache.
func (c *cache) scans() *annotate.Scans {
	if c == nil {
		return nil
	}
	return &c.hits
}

// begin starts a build.
func (c *cache) begin() {
	c.nextUnits, c.nextDocs, c.nextIDs, c.stats = map[digest.Digest]*unit{}, map[digest.Digest]*structure.Document{}, map[any]digest.Digest{}, Stats{}
	c.nextMemos = map[string]memo{}
	c.made = nil
	c.aligned.begin()
	c.placed.begin()
	c.passages.begin()
}

// keep makes this build's units, documents and link check the cache: a
// failed build never gets here, and the cache stays that of the last good build.
func (c *cache) keep(links *linkcheck.Checker) {
	if c == nil {
		return
	}
	links.Commit()
	c.keepPages()
	c.dropped, c.gone, c.pending = c.gone, nil, nil
	c.units, c.docs, c.ids, c.links, c.memos = c.nextUnits, c.nextDocs, c.nextIDs, links, c.nextMemos
	c.aligned.keep()
	c.placed.keep()
	c.passages.keep()
	c.nextUnits, c.nextDocs, c.nextIDs = nil, nil, nil
}

// letGo drops a unit's files once they are out, when there is no cache
// to keep them: what keeps a streaming build's memory bounded. Of a
// document's pages it keeps only those the feeds read, its document
// pages (its sitemap part is made): at a thousand documents the others'
// titles, paths and links are a hundred megabytes.
func (c *cache) letGo(u *unit, document bool) {
	if c != nil {
		return
	}
	u.files = nil
	if document {
		n := len(u.pages)
		u.pages = slices.Clip(slices.DeleteFunc(u.pages, func(p *markdown.Page) bool { return p.Layout != markdown.DocumentLayout }))
		u.dropped = n - len(u.pages)
	}
}

// lookup gives the unit of a key from the last build (kept), or made
// already by this one (two equal units), if there is one.
func (c *cache) lookup(key digest.Digest) (u *unit, kept bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if u := c.units[key]; u != nil {
		return u, true
	}
	return c.nextUnits[key], false
}

// record keeps a unit this build made or reused.
func (c *cache) record(key digest.Digest, u *unit, reused bool) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.nextUnits[key] = u
	if reused {
		c.stats.Reused += len(u.pages)
	} else {
		c.made = append(c.made, u)
		c.stats.Rendered += len(u.pages) - u.reused
		c.stats.Reused += u.reused
	}
}

// structure builds the documents' structure, reusing the last build's
// for a loaded document that is the same value, and gives each document an
// identity in h: the digest of the loaded document it was built from.
func (c *cache) structure(h *digest.Hasher, loaded []*load.Document) ([]*structure.Document, error) {
	docs := make([]*structure.Document, len(loaded))
	var errs []error
	for i, d := range loaded {
		var sd *structure.Document
		id := c.identify(h, d)
		if c != nil {
			sd = c.docs[id]
		}
		if sd == nil {
			var err error
			if sd, err = structure.Build(d); err != nil {
				errs = append(errs, err)
				continue
			}
		}
		if c != nil {
			c.nextDocs[id] = sd
		}
		h.Identify(sd, id)
		docs[i] = sd
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return docs, nil
}

// identifyNotes gives every loaded editors' note its identity in h
// (identify), so that a document's context, which holds its notes'
// pointers (markdown.EdNote), digests a note at the cost of a pointer,
// not of its texts in every language.
func (c *cache) identifyNotes(h *digest.Hasher, files []*load.NoteFile) {
	if c == nil {
		return // no keys
	}
	for _, f := range files {
		for i := range f.Notes {
			c.identify(h, &f.Notes[i])
		}
	}
}

// identify gives a loaded value p, a pointer, its identity in h: the
// digest of what it holds, computed by the last build that met p (the
// Loader gives an unchanged file's values again, and nothing changes a
// loaded value), else now.
func (c *cache) identify(h *digest.Hasher, p any) digest.Digest {
	if c == nil {
		return h.Of(p)
	}
	id, known := c.ids[p]
	if !known {
		id = h.Of(p)
	}
	c.nextIDs[p] = id
	h.Identify(p, id)
	return id
}

// unitRenderer makes units.
type unitRenderer struct {
	cfg     Config
	html    map[digest.Digest]*html.Renderer // by its digest, each edition's
	links   *linkcheck.Checker
	digests *digest.Hasher
	cache   *cache
}

// get gives the unit of in, whose digest is key: the last build's (kept),
// if it had one of the same key, or a new one made by make.
func (r *unitRenderer) get(in unitInput, key digest.Digest, make func(unitInput) (*unit, error)) (u *unit, kept bool, err error) {
	if err := r.cfg.stopped(); err != nil {
		return nil, false, err
	}
	if r.cache != nil {
		if u, kept := r.cache.lookup(key); u != nil {
			r.cache.record(key, u, true)
			r.identifyParts(u, key)
			return u, kept, nil
		}
	}
	u, err = make(in)
	if err != nil {
		return nil, false, err
	}
	r.cache.record(key, u, false)
	if r.cache != nil {
		r.identifyParts(u, key)
	}
	return u, false, nil
}

// identifyParts gives a document's parts of the site-wide files the
// identity of its unit's key, which digests everything they are made from.
func (r *unitRenderer) identifyParts(u *unit, key digest.Digest) {
	if u.index != nil {
		r.digests.Identify(u.index, key)
	}
}

// sitePage makes the unit of a page of the site's own, or of a theme's.
func (r *unitRenderer) sitePage(in unitInput) (*unit, error) {
	u := &unit{}
	p := in.Page
	if in.Theme != nil {
		p = in.Theme.Page()
	}
	if err := r.addPage(u, in.Renderer, in.Site, p); err != nil {
		return nil, err
	}
	return u, nil
}

// document makes the unit of a document: its pages, its JSON, its Akoma
// Ntoso XML and its citation files (in an edition in another language,
// only its pages: the exports are shared). Its pages render on every core,
// beside its exports: an edit makes one document's unit again, and its
// pages are most of a rebuild's work.
func (r *unitRenderer) document(in unitInput) (*unit, error) {
	c := in.Doc
	u := &unit{}
	pages := markdown.DocumentPages(c)
	rendered := make([]renderedPage, len(pages))
	reused := make([]bool, len(pages))
	var exports []file
	var exported sync.WaitGroup
	var exportErr error
	if in.Site.Edition == "" {
		exported.Go(func() { exports, exportErr = r.exports(u, c, in.Site) })
	} else {
		exported.Go(func() { exports, exportErr = editionSearch(u, c) })
	}
	err := parallel(len(pages), func(i int) error {
		if err := r.cfg.stopped(); err != nil {
			return err
		}
		var err error
		rendered[i], reused[i], err = r.documentPage(in.Renderer, in.Site, pages[i])
		return err
	})
	exported.Wait()
	if err != nil {
		return nil, err
	}
	if exportErr != nil {
		return nil, exportErr
	}
	for i, p := range rendered {
		u.files = append(u.files, p.files...)
		if reused[i] {
			u.reused++
		}
	}
	if r.cache != nil {
		u.rendered = rendered
	}
	u.files = append(u.files, exports...)
	u.pages = pages
	u.sitemap = feeds.NewSitemapPart(c.Base, u.pages, c.Doc.Date)
	return u, nil
}

// exports makes a document's files other than its pages, and its parts of
// the files that span the site, which it sets in u.
func (r *unitRenderer) exports(u *unit, c *markdown.DocContext, site *html.Site) ([]file, error) {
	var files []file
	data, err := export.DocumentJSON(c)
	if err != nil {
		return nil, err
	}
	files = append(files, file{name: export.DataPath(c.Doc)[1:], data: data})
	if data, err = export.AkomaNtoso(c.Base, site.Meta.Country, c.Doc, c.EdNotes); err != nil {
		return nil, fmt.Errorf("%s: Akoma Ntoso: %w", c.Doc.File, err)
	}
	files = append(files, file{name: export.XMLPath(c.Doc)[1:], data: data})
	citations, err := cite.Files(cite.Works(c.Base, c.Doc))
	if err != nil {
		return nil, err
	}
	for _, f := range citations {
		files = append(files, file{name: f.Path[1:], data: f.Data})
	}
	var chunks []search.File
	if u.search, chunks, err = search.NewPart(search.FromDocument(c.Base, c.Doc)); err != nil {
		return nil, err
	}
	for _, f := range chunks {
		files = append(files, file{name: f.Name, data: f.Data})
	}
	if u.index, err = export.NewIndexPart(c); err != nil {
		return nil, err
	}
	u.llms = feeds.LLMsFullPart(c.Base, c.Doc)
	if r.cache != nil {
		for i, f := range files {
			if cap(f.data) > len(f.data) {
				files[i].data = bytes.Clone(f.data) // kept: without an encoder's spare capacity
			}
		}
	}
	return files, nil
}

// editionSearch makes a document's part of the search index of an edition
// in another language, in the edition's folder, and sets it in u.
func editionSearch(u *unit, c *markdown.DocContext) ([]file, error) {
	var chunks []search.File
	var err error
	if u.search, chunks, err = search.NewPart(search.FromTranslation(c.Base, c.Doc, c.Translation(), c.ShortTitle())); err != nil {
		return nil, err
	}
	files := make([]file, len(chunks))
	for i, f := range chunks {
		files[i] = file{name: c.Base.Dir() + f.Name, data: f.Data}
	}
	return files, nil
}

// addPage renders a page into a unit.
func (r *unitRenderer) addPage(u *unit, renderer digest.Digest, site *html.Site, p *markdown.Page) error {
	files, err := r.renderPage(renderer, site, p)
	if err != nil {
		return err
	}
	u.files = append(u.files, files...)
	u.pages = append(u.pages, p)
	return nil
}

// renderPage renders a page: its HTML with its link check summary, and
// its markdown. Then it lets go of the page's markdown.
func (r *unitRenderer) renderPage(renderer digest.Digest, site *html.Site, p *markdown.Page) ([]file, error) {
	page, err := renderSafely(r.html[renderer], html.Input{Site: site, Page: p})
	if err != nil {
		return nil, err
	}
	if r.cache != nil {
		page = slices.Clip(bytes.Clone(page)) // kept: without the buffer's spare capacity
	}
	files := []file{{name: p.File(), data: page, links: r.links.Summarize(p.File(), page)}}
	if name := p.MarkdownFile(); name != "" {
		md, err := p.Markdown()
		if err != nil {
			return nil, err
		}
		if r.cache != nil {
			md = bytes.Clone(md)
		}
		files = append(files, file{name: name, data: md})
	}
	p.Body, p.Sections, p.Front = nil, nil, nil
	return files, nil
}

// renderSafely renders a page, turning a panic in a layout or renderer into
// an error: the pages render on worker goroutines, where a panic would end
// the whole process, the development server with it.
func renderSafely(r *html.Renderer, in html.Input) (out []byte, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("%s: rendering failed: %v", in.Page.Path, v)
		}
	}()
	return r.Render(in)
}
