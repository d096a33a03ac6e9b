// Command mkhugo makes a minimal Hugo site that builds the same pages as a
// site our generator built, for the comparison in BENCHMARKS.md.
//
//	go run ./generator/bench/mkhugo SRC_PUBLIC DST
//
// copies every index.md of SRC_PUBLIC (the generator's output: one index.md
// per page, beside its index.html, with a url: in its front matter equal to
// its path) into DST/content at the same path, and writes DST/hugo.toml and
// DST/layouts/{home,single,list}.html. An index.md with pages below it
// becomes _index.md, which makes its folder a section: otherwise Hugo skips
// the pages below it. The root page becomes content/_index.md. A folder with
// pages below it but no index.md of its own is reported (none expected). DST
// is removed first. It prints how many pages it gave, and how many of them as
// _index.md.
//
//	go run ./generator/bench/mkhugo -check DST
//
// after Hugo built DST into DST/public (hugo --source DST --destination
// DST/public), checks that Hugo wrote exactly one index.html per page given:
// the same count and the same paths. It exits 1 if not.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// hugoTOML turns off what our pages do not have (taxonomies, RSS, the
// sitemap, robots.txt, the 404 page) and keeps the raw HTML and the
// {#id …} block attributes of the markdown.
const hugoTOML = `baseURL = "https://example.org/"
languageCode = "zh-CN"
disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotstxt", "404"]
[markup.goldmark.renderer]
  unsafe = true
[markup.goldmark.parser.attribute]
  block = true
`

// layout is layouts/home.html, single.html and list.html: one line each.
const layout = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>
`

func main() {
	check := flag.String("check", "", "check the Hugo site `DST`: one index.html in DST/public per page of DST/content")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: mkhugo SRC_PUBLIC DST\n       mkhugo -check DST")
		flag.PrintDefaults()
	}
	flag.Parse()
	var err error
	switch {
	case *check != "" && flag.NArg() == 0:
		err = checkSite(*check)
	case *check == "" && flag.NArg() == 2:
		err = makeSite(flag.Arg(0), flag.Arg(1))
	default:
		flag.Usage()
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "mkhugo:", err)
		os.Exit(1)
	}
}

// pagesIn lists the folders (slash-separated, relative to dir, "." for dir
// itself) that hold a file with one of the names.
func pagesIn(dir string, names ...string) ([]string, error) {
	var pages []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		for _, n := range names {
			if !d.IsDir() && d.Name() == n {
				rel, err := filepath.Rel(dir, filepath.Dir(p))
				if err != nil {
					return err
				}
				pages = append(pages, filepath.ToSlash(rel))
			}
		}
		return nil
	})
	sort.Strings(pages)
	return pages, err
}

func makeSite(src, dst string) error {
	pages, err := pagesIn(src, "index.md")
	if err != nil {
		return err
	}
	if len(pages) == 0 {
		return fmt.Errorf("%s: no index.md", src)
	}
	isPage := map[string]bool{}
	for _, p := range pages {
		isPage[p] = true
	}
	ancestors := map[string]bool{}
	for _, p := range pages {
		for d := p; d != "."; {
			d = path.Dir(d)
			ancestors[d] = true
		}
	}
	var missing []string
	for a := range ancestors {
		if !isPage[a] {
			missing = append(missing, a)
		}
	}
	sort.Strings(missing)

	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	for _, d := range []string{"content", "layouts"} {
		if err := os.MkdirAll(filepath.Join(dst, d), 0o755); err != nil {
			return err
		}
	}
	sections := 0
	for _, p := range pages {
		name := "index.md"
		if p == "." || ancestors[p] {
			name = "_index.md"
			sections++
		}
		data, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(p), "index.md"))
		if err != nil {
			return err
		}
		out := filepath.Join(dst, "content", filepath.FromSlash(p))
		if err := os.MkdirAll(out, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(dst, "hugo.toml"), []byte(hugoTOML), 0o644); err != nil {
		return err
	}
	for _, f := range []string{"home.html", "single.html", "list.html"} {
		if err := os.WriteFile(filepath.Join(dst, "layouts", f), []byte(layout), 0o644); err != nil {
			return err
		}
	}
	m := "none"
	if len(missing) > 0 {
		m = strings.Join(missing, " ")
	}
	fmt.Printf("%d index.md given: %d as _index.md, %d as index.md; folders with pages below but no index.md: %s\n",
		len(pages), sections, len(pages)-sections, m)
	return nil
}

func checkSite(dst string) error {
	given, err := pagesIn(filepath.Join(dst, "content"), "index.md", "_index.md")
	if err != nil {
		return err
	}
	written, err := pagesIn(filepath.Join(dst, "public"), "index.html")
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s/public: missing; build it first with hugo --source %[1]s --destination %[1]s/public", dst)
	} else if err != nil {
		return err
	}
	has := map[string]bool{}
	for _, p := range written {
		has[p] = true
	}
	var notWritten []string
	for _, p := range given {
		if !has[p] {
			notWritten = append(notWritten, p)
		}
		delete(has, p)
	}
	fmt.Printf("%d pages given, %d index.html written by Hugo\n", len(given), len(written))
	if len(notWritten) == 0 && len(has) == 0 {
		return nil
	}
	var extra []string
	for p := range has {
		extra = append(extra, p)
	}
	sort.Strings(extra)
	return fmt.Errorf("not written: %d %s; written but not given: %d %s",
		len(notWritten), first(notWritten), len(extra), first(extra))
}

// first shows the first few paths of a list.
func first(paths []string) string {
	if len(paths) > 5 {
		return strings.Join(paths[:5], " ") + " …"
	}
	return strings.Join(paths, " ")
}
