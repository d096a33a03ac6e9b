package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
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

// build runs the stages in order, rendering pages through cache.
func build(cfg Config, cache *renderCache) (*Site, error) {
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
	pages := markdown.Pages(ms)
	renderer, err := html.New(cfg.Layouts, ms)
	if err != nil {
		return nil, err
	}
	if err := cache.begin(cfg.Layouts, ms); err != nil {
		return nil, err
	}
	files, err := renderPages(cfg, renderer, pages, cache)
	if err != nil {
		return nil, err
	}
	data, err := export.JSON(cfg.Base, docs, notes)
	if err != nil {
		return nil, err
	}
	if err := merge(files, data, "data export"); err != nil {
		return nil, err
	}
	for _, exporter := range []func() (map[string][]byte, error){
		func() (map[string][]byte, error) { return export.XML(cfg.Base, content.Site.Country, docs) },
		func() (map[string][]byte, error) { return export.Search(cfg.Base, docs) },
	} {
		more, err := exporter()
		if err != nil {
			return nil, err
		}
		if err := merge(files, more, "data export"); err != nil {
			return nil, err
		}
	}
	crawl, err := feeds.Files(ms, pages)
	if err != nil {
		return nil, err
	}
	if err := merge(files, crawl, "feeds"); err != nil {
		return nil, err
	}
	static, err := readStatic(cfg.Static)
	if err != nil {
		return nil, err
	}
	if err := merge(files, static, "static/"); err != nil {
		return nil, err
	}
	if err := cfg.stopped(); err != nil {
		return nil, err
	}
	if err := linkcheck.Check(files, cfg.Base, editorsLinks(content, notes)); err != nil {
		return nil, err
	}
	warnings := content.Warnings
	for _, d := range docs {
		warnings = append(warnings, d.Warnings...)
	}
	return &Site{Files: files, Pages: pages, Documents: docs, Warnings: warnings}, nil
}

// renderPages renders every page's HTML and markdown, in parallel across
// cores, taking from cache the HTML of pages whose inputs are unchanged.
func renderPages(cfg Config, r *html.Renderer, pages []*markdown.Page, cache *renderCache) (map[string][]byte, error) {
	results := make([]rendered, len(pages))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := cfg.stopped(); err != nil {
					results[i] = rendered{err: err}
					continue
				}
				results[i] = cache.render(r, pages[i])
			}
		}()
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()
	cache.keep(results)
	files := map[string][]byte{}
	for i, p := range pages {
		if results[i].err != nil {
			return nil, results[i].err
		}
		files[p.File()] = results[i].html
		if name := p.MarkdownFile(); name != "" {
			files[name] = results[i].md
		}
	}
	return files, nil
}

// readStatic reads every file of static/.
func readStatic(static fs.FS) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := fs.WalkDir(static, ".", func(name string, d fs.DirEntry, err error) error {
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
		files[name] = data
		return nil
	})
	return files, err
}

// merge adds files to the site, refusing to let one source overwrite another's output.
func merge(site, add map[string][]byte, from string) error {
	for name, data := range add {
		if _, taken := site[name]; taken {
			return fmt.Errorf("%s: %s would overwrite a generated file of the same path", from, name)
		}
		site[name] = data
	}
	return nil
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
