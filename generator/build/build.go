package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"sort"
	"strings"
	"sync"

	"statements/generator/annotate"
	"statements/generator/export"
	"statements/generator/feeds"
	"statements/generator/html"
	"statements/generator/linkcheck"
	"statements/generator/load"
	"statements/generator/markdown"
	"statements/generator/siteurl"
	"statements/generator/sources"
	"statements/generator/structure"
)

// Config says what to build from.
type Config struct {
	Content fs.FS // content/: site.yaml, documents/, themes/
	Layouts fs.FS // layouts/
	Static  fs.FS // static/: copied to the site root as it is
	Base    siteurl.Base
	// Context, when done, stops the build within a page's work, with its
	// error; nil never stops it.
	Context context.Context
}

// stopped is the Context's error, if it is done.
func (cfg Config) stopped() error {
	if cfg.Context == nil {
		return nil
	}
	return cfg.Context.Err()
}

// Site is a complete build.
type Site struct {
	Files     map[string][]byte // output path → content
	Pages     []*markdown.Page
	Documents []*structure.Document
	// Warnings say, as "file:line: message", where the form of a document
	// could not decide and a rule chose; the build succeeded.
	Warnings []error
}

// Build builds the whole site. On error nothing is returned but the error,
// which lists every problem found as "file:line: message". It renders every
// page; a Builder reuses the pages of its previous build.
func Build(cfg Config) (*Site, error) {
	site, _, err := NewBuilder().Build(cfg)
	return site, err
}

// Output receives a site's files as a build makes them, from any goroutine.
type Output interface {
	Put(name string, data []byte) error
}

// Stream builds the site into out, a file at a time, rendering one
// document's pages and letting go of them before the next's: memory stays
// bounded whatever the size of the site. Its Site has no Files, and of its
// documents' pages only what the feeds read (path, layout, titles).
func Stream(cfg Config, out Output) (*Site, error) { return build(cfg, nil, out) }

// mapOutput collects a site in memory.
type mapOutput struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *mapOutput) Put(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = data
	return nil
}

// sink is where a build puts its files: it refuses a second file of one
// path, hands every file to the link check, then to the output.
type sink struct {
	out   Output
	links *linkcheck.Checker
	mu    sync.Mutex
	names map[string]string // path → what made it
}

func (k *sink) put(from, name string, data []byte) error {
	var s *linkcheck.Summary
	if strings.HasSuffix(name, ".html") {
		s = k.links.Summarize(name, data)
	}
	return k.putSummarized(from, name, data, s)
}

// putSummarized puts a file whose link check summary is known.
func (k *sink) putSummarized(from, name string, data []byte, s *linkcheck.Summary) error {
	k.mu.Lock()
	if _, taken := k.names[name]; taken {
		k.mu.Unlock()
		return fmt.Errorf("%s: %s would overwrite a generated file of the same path", from, name)
	}
	k.names[name] = from
	k.mu.Unlock()
	k.links.AddSummary(name, s)
	return k.out.Put(name, data)
}

// build runs the stages: load, structure and annotate every document; then
// render the site's own pages, and each document's pages and exports, in
// parallel, a document at a time; then the indexes, feeds and static
// files; then the link check. With a cache, pages whose inputs did not
// change are not rendered again; without one (Stream), a document's pages
// keep only their metadata once rendered.
func build(cfg Config, cache *renderCache, out Output) (*Site, error) {
	content, err := load.Load(cfg.Content, "content")
	if err != nil {
		return nil, err
	}
	var docs []*structure.Document
	var errs []error
	for _, d := range content.Documents {
		sd, err := structure.Build(d)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, sd)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if err := cfg.stopped(); err != nil {
		return nil, err
	}
	notes, err := annotate.Annotate(docs, content.Themes)
	if err != nil {
		return nil, err
	}
	ms := &markdown.Site{Meta: content.Site, Base: cfg.Base, Documents: docs, Notes: notes, Pages: content.Pages}
	renderer, err := html.New(cfg.Layouts, ms)
	if err != nil {
		return nil, err
	}
	if cache != nil {
		if err := cache.begin(cfg.Layouts, ms); err != nil {
			return nil, err
		}
	}
	k := &sink{out: out, links: linkcheck.New(cfg.Base), names: map[string]string{}}
	r := &pageRenderer{cfg: cfg, html: renderer, cache: cache, sink: k}

	pages := markdown.SitePages(ms)
	if err := parallel(len(pages), func(i int) error { return r.renderAll(pages[i : i+1]) }); err != nil {
		return nil, err
	}
	if cache == nil {
		forget(pages)
	}
	docPages := make([][]*markdown.Page, len(docs))
	err = parallel(len(docs), func(i int) error {
		d := docs[i]
		ps := markdown.DocumentPages(ms, d)
		if err := r.renderAll(ps); err != nil {
			return err
		}
		if cache == nil {
			forget(ps)
		}
		docPages[i] = ps
		data, err := export.DocumentJSON(cfg.Base, d, notes)
		if err == nil {
			err = k.put("data export", export.DataPath(d)[1:], data)
		}
		if err != nil {
			return err
		}
		if data, err = export.AkomaNtoso(cfg.Base, content.Site.Country, d); err != nil {
			return fmt.Errorf("%s: Akoma Ntoso: %w", d.File, err)
		}
		return k.put("data export", export.XMLPath(d)[1:], data)
	})
	if err != nil {
		return nil, err
	}
	if cache != nil {
		cache.keep(r.results)
	}
	for _, ps := range docPages {
		pages = append(pages, ps...)
	}
	index, err := export.IndexJSON(cfg.Base, docs, notes)
	if err != nil {
		return nil, err
	}
	more := map[string][]byte{export.IndexPath[1:]: index}
	search, err := export.Search(cfg.Base, docs)
	if err != nil {
		return nil, err
	}
	if err := putAll(k, "data export", more, search); err != nil {
		return nil, err
	}
	crawl, err := feeds.Files(ms, pages)
	if err != nil {
		return nil, err
	}
	if err := putAll(k, "feeds", crawl); err != nil {
		return nil, err
	}
	if err := putStatic(k, cfg.Static); err != nil {
		return nil, err
	}
	if err := cfg.stopped(); err != nil {
		return nil, err
	}
	if err := k.links.Check(editorsLinks(content, notes)); err != nil {
		return nil, err
	}
	warnings := content.Warnings
	for _, d := range docs {
		warnings = append(warnings, d.Warnings...)
	}
	return &Site{Pages: pages, Documents: docs, Warnings: warnings}, nil
}

// forget drops what rendered pages need no more: their markdown.
func forget(pages []*markdown.Page) {
	for _, p := range pages {
		p.Body, p.Sections, p.Front = nil, nil, nil
	}
}

// pageRenderer renders pages into a sink, through a cache if there is one.
type pageRenderer struct {
	cfg     Config
	html    *html.Renderer
	cache   *renderCache
	sink    *sink
	mu      sync.Mutex
	results []rendered // for the cache
}

// renderAll renders pages one after the other and puts their HTML and markdown.
func (r *pageRenderer) renderAll(pages []*markdown.Page) error {
	for _, p := range pages {
		if err := r.cfg.stopped(); err != nil {
			return err
		}
		res := r.render(p)
		if res.err != nil {
			return res.err
		}
		if err := r.sink.putSummarized("pages", p.File(), res.html, res.links); err != nil {
			return err
		}
		if name := p.MarkdownFile(); name != "" {
			if err := r.sink.put("pages", name, res.md); err != nil {
				return err
			}
		}
	}
	return nil
}

// render gives a page's HTML, markdown and link check summary: from the
// cache when the page's inputs did not change, the summary with it.
func (r *pageRenderer) render(p *markdown.Page) rendered {
	var res rendered
	if r.cache == nil {
		if res.md, res.err = p.Markdown(); res.err == nil {
			res.html, res.err = renderSafely(r.html, p)
		}
	} else {
		res = r.cache.render(r.html, p)
	}
	if res.err == nil && res.links == nil {
		res.links = r.sink.links.Summarize(p.File(), res.html)
	}
	if r.cache != nil {
		r.mu.Lock()
		r.results = append(r.results, rendered{key: res.key, html: res.html, links: res.links, reused: res.reused, err: res.err})
		r.mu.Unlock()
	}
	return res
}

// parallel runs f(0) … f(n-1) on every core; the first error stops the others.
func parallel(n int, f func(i int) error) error {
	next := make(chan int)
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	stop := make(chan struct{})
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := f(i); err != nil {
					once.Do(func() { first = err; close(stop) })
				}
			}
		}()
	}
feed:
	for i := 0; i < n; i++ {
		select {
		case next <- i:
		case <-stop:
			break feed
		}
	}
	close(next)
	wg.Wait()
	return first
}

// putAll puts sets of files, in the order of their paths.
func putAll(k *sink, from string, sets ...map[string][]byte) error {
	for _, files := range sets {
		names := make([]string, 0, len(files))
		for name := range files {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			if err := k.put(from, name, files[name]); err != nil {
				return err
			}
		}
	}
	return nil
}

// putStatic puts every file of static/.
func putStatic(k *sink, static fs.FS) error {
	return fs.WalkDir(static, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return sources.Named("static/"+name, err)
		}
		if d.IsDir() || d.Name()[0] == '.' {
			return nil
		}
		data, err := fs.ReadFile(static, name)
		if err != nil {
			return sources.Named("static/"+name, err)
		}
		return k.put("static/", name, data)
	})
}

// editorsLinks are the links to paths of the site that editors wrote in
// themes' annotations and editorial pages, each with the page it is shown on.
func editorsLinks(content *load.Content, notes *annotate.Annotations) []linkcheck.Source {
	var sources []linkcheck.Source
	for _, t := range notes.Themes {
		for _, l := range t.Links {
			sources = append(sources, linkcheck.Source{File: t.File, Line: l.Line, Page: markdown.ThemePath(t), Link: l.Dest})
		}
	}
	for _, p := range content.Pages {
		for _, l := range p.Links {
			sources = append(sources, linkcheck.Source{File: p.File, Line: l.Line, Page: markdown.EditorialPath(p), Link: l.Dest})
		}
	}
	return sources
}
