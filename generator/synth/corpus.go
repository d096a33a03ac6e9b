package synth

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"statements/generator/load"
	"statements/generator/structure"
)

// Source is what a corpus is derived from: the repository's trees.
type Source struct {
	Content fs.FS // content/: site.yaml, documents/, themes/, pages/
	Layouts fs.FS // layouts/, copied as it is
	Static  fs.FS // static/, copied as it is
}

// Corpus gives the files of a synthetic site with n documents, by
// slash-separated path: content/…, layouts/… and static/….
func Corpus(src Source, n int) (map[string][]byte, error) {
	real, err := load.Load(src.Content, "content")
	if err != nil {
		return nil, err
	}
	if n < len(real.Documents) {
		return nil, fmt.Errorf("synth: -n %d is fewer than the %d real documents; every real document needs a copy", n, len(real.Documents))
	}
	c, err := newCorpus(real, n)
	if err != nil {
		return nil, err
	}
	steps := []func() error{
		func() error { return c.copyFile(src.Content, "site.yaml", "content/site.yaml") },
		func() error { return c.documents(src.Content) },
		func() error { return c.themes(src.Content, real.Themes) },
		func() error { return c.pages(src.Content, real.Pages) },
		func() error { return c.notes(src.Content, real.Notes) },
		func() error { return c.translations(src.Content, real.Translations) },
		func() error { return c.copyTree(src.Layouts, "layouts") },
		func() error { return c.copyTree(src.Static, "static") },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return c.files, nil
}

// corpus is a synthetic site being generated.
type corpus struct {
	real   []*load.Document
	n      int
	blocks map[string]map[string]bool // real slug → eid → true
	copies map[string][]string        // real slug → the slugs of its copies, in order
	links  *strings.Replacer          // a real slug → its first copy's slug, for links in markdown
	files  map[string][]byte
}

// newCorpus plans n copies of the real documents and indexes their blocks.
func newCorpus(real *load.Content, n int) (*corpus, error) {
	c := &corpus{real: real.Documents, n: n, blocks: map[string]map[string]bool{},
		copies: map[string][]string{}, files: map[string][]byte{}}
	for k := 1; k <= n; k++ {
		d := c.original(k)
		c.copies[d.Slug] = append(c.copies[d.Slug], Slug(k, n))
	}
	var pairs []string
	for _, d := range c.real {
		sd, err := structure.Build(d)
		if err != nil {
			return nil, err
		}
		c.blocks[d.Slug] = map[string]bool{}
		for _, b := range sd.Blocks {
			c.blocks[d.Slug][b.EID] = true
		}
		pairs = append(pairs, d.Slug, c.copies[d.Slug][0])
	}
	c.links = longestFirst(pairs)
	return c, nil
}

// longestFirst is a replacer of old → new pairs that prefers the longer of
// two slugs one of which begins the other.
func longestFirst(pairs []string) *strings.Replacer {
	type pair struct{ old, new string }
	ps := make([]pair, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		ps = append(ps, pair{pairs[i], pairs[i+1]})
	}
	sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].old) > len(ps[j].old) })
	flat := make([]string, 0, len(pairs))
	for _, p := range ps {
		flat = append(flat, p.old, p.new)
	}
	return strings.NewReplacer(flat...)
}

// original is the real document that synthetic document k copies.
func (c *corpus) original(k int) *load.Document { return c.real[(k-1)%len(c.real)] }

// Slug is the slug of synthetic document k of n: synthetic-0001, …, with at
// least four digits.
func Slug(k, n int) string {
	width := max(4, len(fmt.Sprint(n)))
	return fmt.Sprintf("synthetic-%0*d", width, k)
}

// copyFile copies one file of fsys to the corpus.
func (c *corpus) copyFile(fsys fs.FS, name, to string) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	c.files[to] = data
	return nil
}

// copyTree copies every file of fsys under dir, skipping hidden ones.
func (c *corpus) copyTree(fsys fs.FS, dir string) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("synth: %s: %w", dir, err)
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		return c.copyFile(fsys, name, path.Join(dir, name))
	})
}
