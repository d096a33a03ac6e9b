package build_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"statements/generator/build"
	"statements/generator/load"
	"statements/generator/siteurl"
	"statements/generator/structure"
	"statements/generator/write"
)

const (
	cubaSlug = "china-cuba-joint-statement-2025"
	pakSlug  = "china-pakistan-action-plan-2025-2029"
)

// editable is the repository's content, layouts and static trees in memory, for editing.
type editable struct {
	content, layouts, static fstest.MapFS
	base                     siteurl.Base
}

// readTree reads a directory of the repository (or any directory) into memory.
func readTree(t testing.TB, dir string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		m[name] = &fstest.MapFile{Data: data, Mode: 0o644}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// repoTrees reads the trees of the site rooted at root (the repository is "../..").
func repoTrees(t testing.TB, root string) *editable {
	t.Helper()
	base, _ := siteurl.Parse("/")
	return &editable{content: readTree(t, filepath.Join(root, "content")), layouts: readTree(t, filepath.Join(root, "layouts")),
		static: readTree(t, filepath.Join(root, "static")), base: base}
}

func (e *editable) config() build.Config {
	return build.Config{Content: e.content, Layouts: e.layouts, Static: e.static, Base: e.base}
}

// replace edits one file, failing the test if old is not in it.
func replace(t testing.TB, fsys fstest.MapFS, name, old, new string) {
	t.Helper()
	f := fsys[name]
	if f == nil || !bytes.Contains(f.Data, []byte(old)) {
		t.Fatalf("%s does not contain %q; the test's edit no longer applies", name, old)
	}
	fsys[name] = &fstest.MapFile{Data: bytes.Replace(f.Data, []byte(old), []byte(new), 1), Mode: 0o644}
}

// firstLine is the source line of a block's first paragraph, which starts
// with its number marker; line is 0 if the block is not there.
func (e *editable) firstLine(t testing.TB, slug, eid string) (line int, marker string) {
	t.Helper()
	c, err := load.Load(e.content, "content")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range c.Documents {
		if d.Slug != slug {
			continue
		}
		sd, err := structure.Build(d)
		if err != nil {
			t.Fatal(err)
		}
		if b := sd.Block(eid); b != nil {
			return b.Line(), b.Marker
		}
	}
	return 0, ""
}

// insertText inserts text into a document's source line at a byte offset.
func (e *editable) insertText(t testing.TB, slug string, line, offset int, text string) {
	t.Helper()
	name := "documents/" + slug + ".md"
	lines := strings.Split(string(e.content[name].Data), "\n")
	l := lines[line-1]
	lines[line-1] = l[:offset] + text + l[offset:]
	e.content[name] = &fstest.MapFile{Data: []byte(strings.Join(lines, "\n")), Mode: 0o644}
}

// lineText is one line of a document's source.
func (e *editable) lineText(slug string, line int) string {
	return strings.Split(string(e.content["documents/"+slug+".md"].Data), "\n")[line-1]
}

// build builds with b, failing the test on an error.
func (e *editable) build(t testing.TB, b *build.Builder) (*build.Site, build.Stats) {
	t.Helper()
	site, st, err := b.Build(e.config())
	if err != nil {
		t.Fatal(err)
	}
	return site, st
}

// reused says whether a file of after is the very slice of before: taken from the cache.
func reused(before, after map[string][]byte, name string) bool {
	a, b := before[name], after[name]
	return len(a) > 0 && len(b) > 0 && &a[0] == &b[0]
}

func TestUnchangedBuildReusesEveryPage(t *testing.T) {
	e := repoTrees(t, "../..")
	b := build.NewBuilder()
	site, st := e.build(t, b)
	if st.Reused != 0 || st.Rendered != len(site.Pages) {
		t.Fatalf("first build: %+v, want all %d pages rendered", st, len(site.Pages))
	}
	_, st = e.build(t, b)
	if st.Rendered != 0 || st.Reused != len(site.Pages) {
		t.Fatalf("second build: %+v, want all %d pages reused", st, len(site.Pages))
	}
}

// TestEditOneDocument edits one clause of the Cuba statement: exactly the
// pages whose HTML changed are rendered again (the clause's own pages, the
// statement's pages, the lists showing its length, the theme pages that
// quote the clause: not every theme page that shows the document); the
// statement's other clause pages, which do not show the clause, are taken
// from the last build, and no page of the other document is rendered.
func TestEditOneDocument(t *testing.T) {
	e := repoTrees(t, "../..")
	b := build.NewBuilder()
	site, _ := e.build(t, b)
	before := maps.Clone(site.Files) // the Builder's map, which its next build patches
	line, marker := e.firstLine(t, cubaSlug, "para_4")
	if line == 0 {
		t.Fatalf("no block %s#para_4", cubaSlug)
	}
	e.insertText(t, cubaSlug, line, len(marker), "测试")
	after, st := e.build(t, b)

	var rendered, changed []string
	for _, p := range after.Pages {
		name := p.File()
		if !reused(before, after.Files, name) {
			rendered = append(rendered, name)
		}
		if !bytes.Equal(before[name], after.Files[name]) {
			changed = append(changed, name)
		}
	}
	if !slices.Equal(rendered, changed) {
		t.Errorf("rendered %q,\nbut the pages whose HTML changed are %q", rendered, changed)
	}
	if st.Rendered != len(rendered) || st.Reused != len(after.Pages)-len(rendered) {
		t.Errorf("stats %+v, but %d of %d pages were rendered", st, len(rendered), len(after.Pages))
	}
	for _, want := range []string{"index.html", "themes/un-resolution-2758/index.html", cubaSlug + "/index.html", cubaSlug + "/para_4/index.html", "en/" + cubaSlug + "/para_4/index.html"} {
		if !slices.Contains(rendered, want) {
			t.Errorf("%s was not rendered again", want)
		}
	}
	for _, name := range rendered {
		if strings.HasPrefix(name, pakSlug+"/") || strings.Contains(name, cubaSlug+"/para_3/") || strings.Contains(name, cubaSlug+"/para_5/") {
			t.Errorf("%s was rendered again", name)
		}
	}
	t.Logf("rendered again: %q", rendered)
}

func TestEditLayoutRendersEverything(t *testing.T) {
	e := repoTrees(t, "../..")
	b := build.NewBuilder()
	e.build(t, b)
	replace(t, e.layouts, "base.html", "</footer>", "</footer>\n<!-- edited -->")
	site, st := e.build(t, b)
	if st.Reused != 0 || st.Rendered != len(site.Pages) {
		t.Fatalf("after a layout edit: %+v, want all %d pages rendered", st, len(site.Pages))
	}
}

// TestCachedBuildsEqualUncached makes a series of random edits, and after
// each checks that a Builder that has seen every earlier state gives exactly
// the files (or the error) of a fresh build.
func TestCachedBuildsEqualUncached(t *testing.T) {
	e := repoTrees(t, "../..")
	rng := rand.New(rand.NewPCG(1, 2))
	steps := 30
	if testing.Short() {
		steps = 8
	}
	b := &differential{Builder: build.NewBuilder()}
	b.compare(t, e.config(), "first build")
	for i := range steps {
		before := *e
		before.content, before.layouts, before.static = maps.Clone(e.content), maps.Clone(e.layouts), maps.Clone(e.static)
		what := randomEdit(t, e, rng)
		if !b.compare(t, e.config(), fmt.Sprintf("step %d (%s)", i, what)) {
			*e = before // an edit that broke the site is undone, so that the next edits are tried on one that builds
		}
	}
}

// TestFailedBuildLeavesNoTrace: a build that fails (here, a new theme
// whose page links nowhere) leaves nothing of itself in what the Builder
// keeps for the next (the link check patched in place is given back its
// files): once the theme is gone again, the next builds are those of a
// Builder that never saw it, up to one that checks every link again.
func TestFailedBuildLeavesNoTrace(t *testing.T) {
	e := repoTrees(t, "../..")
	b := &differential{Builder: build.NewBuilder()}
	b.compare(t, e.config(), "first build")
	e.content["themes/zz-broken.md"] = &fstest.MapFile{Data: []byte("---\ntitle: 断链\ntitle_en: Broken\nterms: [两国]\n---\n\n见[别处](/nowhere/)。\n")}
	if _, _, err := b.Build(e.config()); err == nil || !strings.Contains(err.Error(), "content/themes/zz-broken.md:7: link /nowhere/ leads nowhere") {
		t.Fatalf("a theme linking nowhere: %v", err)
	}
	if err := sameFiles(b.own, b.last); err != nil {
		t.Fatalf("the failed build changed the files the Builder gave: %v", err)
	}
	delete(e.content, "themes/zz-broken.md")
	b.compare(t, e.config(), "the theme removed")
	e.static["extra.txt"] = &fstest.MapFile{Data: []byte("x")} // another file: every link is checked
	b.compare(t, e.config(), "a static file added")
}

// differential is a Builder under test, with a copy of the files of its
// last successful build, and the Builder's own map of them (which a
// failed build must leave as it was).
type differential struct {
	*build.Builder
	last, own map[string][]byte
}

// compare builds cfg with b and afresh, and fails the test unless both
// give the same files or the same error, and the Builder's Changed lists
// exactly the paths whose bytes differ from its last successful build.
// It says whether the builds succeeded.
func (b *differential) compare(t *testing.T, cfg build.Config, step string) bool {
	t.Helper()
	cached, st, cerr := b.Build(cfg)
	fresh, ferr := build.Build(cfg)
	if fmt.Sprint(cerr) != fmt.Sprint(ferr) {
		t.Fatalf("%s: cached build error %v, fresh build error %v", step, cerr, ferr)
	}
	if ferr != nil {
		t.Logf("%s: both builds fail: %.200v", step, ferr)
		return false
	}
	if err := sameFiles(cached.Files, fresh.Files); err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	if b.last == nil {
		if cached.Changed != nil {
			t.Errorf("%s: a first build lists %d paths as changed", step, len(cached.Changed))
		}
	} else if want := differing(b.last, cached.Files); !slices.Equal(cached.Changed, want) {
		t.Errorf("%s: Changed lists %d paths, %d differ; listed and not differing: %q; differing and not listed: %q",
			step, len(cached.Changed), len(want), first(without(cached.Changed, want), 10), first(without(want, cached.Changed), 10))
	}
	b.last, b.own = maps.Clone(cached.Files), cached.Files
	t.Logf("%s: %d pages rendered, %d reused", step, st.Rendered, st.Reused)
	return true
}

// differing lists, sorted, the paths of a or b that the other has not
// or has with other bytes.
func differing(a, b map[string][]byte) []string {
	var out []string
	for name, data := range a {
		if other, ok := b[name]; !ok || !bytes.Equal(other, data) {
			out = append(out, name)
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// without is a without the elements of b.
func without(a, b []string) []string {
	return slices.DeleteFunc(slices.Clone(a), func(s string) bool { return slices.Contains(b, s) })
}

// first is at most n elements of a.
func first(a []string, n int) []string { return a[:min(n, len(a))] }

// sameFiles says how two sites' files differ, if they do.
func sameFiles(got, want map[string][]byte) error {
	for name, data := range want {
		if g, ok := got[name]; !ok || !bytes.Equal(g, data) {
			return fmt.Errorf("%s differs from an uncached build", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			return fmt.Errorf("%s is not in an uncached build", name)
		}
	}
	return nil
}

// randomEdit makes one edit of the kinds an editor makes (a document's
// text or front matter, a theme's annotation or front matter, a layout, a
// static file, the site's metadata, an editors' note, a translation, the
// base URL), and names it.
func randomEdit(t testing.TB, e *editable, rng *rand.Rand) string {
	t.Helper()
	slug := []string{cubaSlug, pakSlug}[rng.IntN(2)]
	doc := "documents/" + slug + ".md"
	switch rng.IntN(14) {
	case 0, 1, 2: // a clause's text, sometimes breaking it
		eids := map[string][]string{cubaSlug: {"preamble__p_1", "conclusions", "para_2", "para_7"},
			pakSlug: {"preamble__p_1", "conclusions", "part_2__para_3", "part_3"}}[slug]
		eid := eids[rng.IntN(len(eids))]
		line, marker := e.firstLine(t, slug, eid)
		if line == 0 { // an earlier edit made it part of another block
			eid = "preamble__p_1"
			line, marker = e.firstLine(t, slug, eid)
		}
		e.insertText(t, slug, line, len(marker), "变")
		return "text of " + slug + "#" + eid
	case 3: // a new paragraph, renumbering the preamble
		line, _ := e.firstLine(t, slug, "preamble__p_1")
		e.insertText(t, slug, line, len(e.lineText(slug, line)), "\n\n新的一段。")
		return "new preamble paragraph in " + slug
	case 4:
		field := []string{"short", "title_en", "publisher"}[rng.IntN(3)]
		replace(t, e.content, doc, "\n"+field+": ", "\n"+field+": 新")
		return field + " of " + slug
	case 5:
		name := []string{"base.html", "clause.html", "document.html", "theme.html", "search.html"}[rng.IntN(5)]
		e.layouts[name] = &fstest.MapFile{Data: append(slices.Clip(e.layouts[name].Data), fmt.Sprintf("{{/* edit %d */}}x", rng.IntN(1000))...)}
		return "layout " + name
	case 6:
		replace(t, e.content, "site.yaml", "\ndescription: ", "\ndescription: 新")
		return "site description"
	case 7:
		names, _ := fs.Glob(e.content, "themes/*.md")
		name := names[rng.IntN(len(names))]
		e.content[name] = &fstest.MapFile{Data: append(slices.Clip(e.content[name].Data), "\n又一段注释。\n"...)}
		return "annotation " + name
	case 8: // a theme's front matter: its title, which notes, lists and pages show
		names, _ := fs.Glob(e.content, "themes/*.md")
		name := names[rng.IntN(len(names))]
		replace(t, e.content, name, "\ntitle: ", "\ntitle: 新")
		return "title of " + name
	case 9: // a static file, changed or added
		name := []string{"site.css", fmt.Sprintf("extra-%d.txt", rng.IntN(3))}[rng.IntN(2)]
		var data []byte
		if f := e.static[name]; f != nil {
			data = slices.Clip(f.Data)
		}
		e.static[name] = &fstest.MapFile{Data: append(data, fmt.Sprintf("/* %d */\n", rng.IntN(1000))...)}
		return "static " + name
	case 10: // an editors' note on a block, in a notes file new or not
		name := "notes/" + slug + ".md"
		data := []byte("---\n---\n")
		if f := e.content[name]; f != nil {
			data = slices.Clip(f.Data)
		}
		eid := []string{"preamble__p_1", "conclusions"}[rng.IntN(2)]
		e.content[name] = &fstest.MapFile{Data: append(data, fmt.Sprintf("\n{#%s}\n\n注%d。\n", eid, rng.IntN(1000))...)}
		return "note on " + slug + "#" + eid
	case 11: // the text of a note there is
		replace(t, e.content, "notes/"+slug+".md", "）。", "）。补")
		return "text of a note on " + slug
	case 12: // a block's translation, which the English theme pages quote
		name := "translations/en/" + slug + ".md"
		data := e.content[name].Data
		var starts []int // where each block's text starts
		for i := 0; ; {
			j := bytes.Index(data[i:], []byte("\n{#"))
			if j < 0 {
				break
			}
			i += j + 1
			starts = append(starts, i+bytes.IndexByte(data[i:], '\n')+1)
		}
		at := starts[rng.IntN(len(starts))]
		e.content[name] = &fstest.MapFile{Data: slices.Concat(data[:at], []byte("Edited "), data[at:])}
		return "translation of " + slug
	default:
		base := []string{"/", "/sub/", "https://example.org/statements/"}[rng.IntN(3)]
		e.base, _ = siteurl.Parse(base)
		return "base URL " + base
	}
}

// TestSecondSyncWritesNothing checks that writing an unchanged build again
// leaves every file as it was: same bytes, same modification time.
func TestSecondSyncWritesNothing(t *testing.T) {
	e := repoTrees(t, "../..")
	out := filepath.Join(t.TempDir(), "public")
	site, _ := e.build(t, build.NewBuilder())
	if _, err := write.Sync(out, site.Files, write.Options{}); err != nil {
		t.Fatal(err)
	}
	before := modTimes(t, out)
	time.Sleep(20 * time.Millisecond)
	site, _ = e.build(t, build.NewBuilder())
	st, err := write.Sync(out, site.Files, write.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Written != 0 || st.Removed != 0 || st.Unchanged != len(site.Files) {
		t.Fatalf("second sync: %+v, want all %d files unchanged", st, len(site.Files))
	}
	after := modTimes(t, out)
	for name, mt := range before {
		if !after[name].Equal(mt) {
			t.Errorf("%s: modification time changed from %v to %v", name, mt, after[name])
		}
	}
}

// modTimes gives every file's modification time under dir.
func modTimes(t testing.TB, dir string) map[string]time.Time {
	t.Helper()
	times := map[string]time.Time{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			times[p[len(dir):]] = info.ModTime()
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return times
}

// A build stops when its context ends, with the context's error.
func TestBuildStops(t *testing.T) {
	cfg := repoTrees(t, "../..").config()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	cfg.Context = ctx
	if _, err := build.Build(cfg); !errors.Is(err, context.Canceled) {
		t.Errorf("build with a done context: %v", err)
	}
}
