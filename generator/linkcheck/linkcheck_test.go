package linkcheck

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"statements/generator/siteurl"
)

func TestCheck(t *testing.T) {
	files := map[string][]byte{
		"index.html":            []byte(`<a href="/doc/#para_1">ok</a><a href="doc/">ok</a><link href="/site.css"><a href="https://example.org/x">other site</a><a href="#top" id="top">self</a>`),
		"doc/index.html":        []byte(`<div id="para_1"></div><a href="../">up</a><a href="/doc/#para_2">missing id</a><a href="/nope/">missing page</a><a href="para_1/#:~:text=甲">text fragment</a>`),
		"doc/para_1/index.html": []byte(`<a href="/doc/index.md">md</a><a href="/doc/#para_1:~:text=x">ok</a>`),
		"doc/index.md":          []byte("# doc"),
		"site.css":              []byte("body{}"),
	}
	base, _ := siteurl.Parse("/")
	err := Check(files, base, nil)
	if err == nil {
		t.Fatal("no error for two broken links")
	}
	got := err.Error()
	for _, want := range []string{"doc/index.html: /doc/#para_2 (no element with id para_2)", "doc/index.html: /nope/ (no such file)"} {
		if !strings.Contains(got, want) {
			t.Errorf("error %q\nlacks %q", got, want)
		}
	}
	if n := strings.Count(got, "\n"); n != 2 {
		t.Errorf("%d broken links reported, want 2:\n%s", n, got)
	}
}

func TestCheckUnderSubPath(t *testing.T) {
	files := map[string][]byte{
		"index.html":     []byte(`<a href="/sub/doc/">ok</a><a href="https://example.org/sub/doc/#a">ok, absolute</a><a href="/doc/">escapes</a>`),
		"doc/index.html": []byte(`<p id="a"></p>`),
	}
	base, _ := siteurl.Parse("https://example.org/sub/")
	err := Check(files, base, nil)
	if err == nil || !strings.Contains(err.Error(), "index.html: /doc/ (outside the site's base path /sub/)") || strings.Count(err.Error(), "\n") != 1 {
		t.Errorf("error = %v", err)
	}
}

// An editor's broken link is reported once, at its source, not at each
// page it is built into; a good one is not reported.
func TestCheckSources(t *testing.T) {
	files := map[string][]byte{
		"themes/x/index.html": []byte(`<p id="a"></p><a href="/sub/doc/#para_9">see</a><a href="#a">here</a>`),
		"doc/index.html":      []byte(`<div id="para_1"></div><a href="/sub/doc/#para_9">see, again</a>`),
	}
	base, _ := siteurl.Parse("/sub/")
	sources := []Source{
		{File: "content/themes/x.md", Line: 7, Page: "/themes/x/", Link: "/doc/#para_9"},
		{File: "content/themes/x.md", Line: 9, Page: "/themes/x/", Link: "#a"},
	}
	err := Check(files, base, sources)
	want := "broken links:\ncontent/themes/x.md:7: link /doc/#para_9 leads nowhere (no element with id para_9)"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant %s", err, want)
	}
}

// TestCheckSince: checking against a previous good build finds every
// broken link that a full check finds, whatever changed: a page's links,
// a page's ids, a file removed or added.
func TestCheckSince(t *testing.T) {
	base, _ := siteurl.Parse("/")
	good := map[string][]byte{
		"index.html":            []byte(`<a href="/doc/#para_1">x</a><a href="/site.css">css</a>`),
		"doc/index.html":        []byte(`<p id="para_1"></p><p id="para_2"></p><a href="/">home</a>`),
		"doc/para_1/index.html": []byte(`<a href="/doc/#para_2">x</a>`),
		"site.css":              []byte("body{}"),
	}
	// checker builds a Checker of files, adding as kept, with prev's
	// Summary, every file whose bytes are unchanged, as a build does.
	checker := func(files map[string][]byte, prev *Checker, prevFiles map[string][]byte) *Checker {
		c := New(base)
		for name, data := range files {
			if prev != nil && string(prevFiles[name]) == string(data) {
				c.AddNewAll(func(yield func(string, *Summary) bool) { yield(name, prev.files[name]) }, true)
				continue
			}
			c.Add(name, data)
		}
		return c
	}
	first := checker(good, nil, nil)
	if err := first.Check(nil); err != nil {
		t.Fatal(err)
	}
	for name, edit := range map[string]func(m map[string][]byte){
		"unchanged": func(m map[string][]byte) {},
		"text changed": func(m map[string][]byte) {
			m["doc/index.html"] = []byte(`<p id="para_1">新</p><p id="para_2"></p><a href="/">home</a>`)
		},
		"changed page's link":   func(m map[string][]byte) { m["doc/para_1/index.html"] = []byte(`<a href="/doc/#para_3">x</a>`) },
		"id removed":            func(m map[string][]byte) { m["doc/index.html"] = []byte(`<p id="para_1"></p><a href="/">home</a>`) },
		"file removed":          func(m map[string][]byte) { delete(m, "site.css") },
		"file renamed":          func(m map[string][]byte) { m["site2.css"] = m["site.css"]; delete(m, "site.css") },
		"page added, bad link":  func(m map[string][]byte) { m["new/index.html"] = []byte(`<a href="/nowhere/">x</a>`) },
		"link outside the site": func(m map[string][]byte) { m["doc/para_1/index.html"] = []byte(`<a href="../../../x">x</a>`) },
	} {
		next := map[string][]byte{}
		for k, v := range good {
			next[k] = v
		}
		edit(next)
		full := fmt.Sprint(New(base).checkAll(next))
		incremental := fmt.Sprint(checker(next, first, good).CheckSince(first, nil))
		if full != incremental {
			t.Errorf("%s: CheckSince says %s, a full check %s", name, incremental, full)
		}
		// The same, continuing the first build's Checker (Next), each
		// file a unit of its own: one whose bytes changed is gone and
		// added anew. Undo then gives the first its files back.
		last := New(base)
		for name, data := range good {
			last.AddNewAll(func(yield func(string, *Summary) bool) { yield(name, last.summarize(name, data)) }, false)
		}
		before := maps.Clone(last.files)
		c := last.Next(base)
		c.Remove(func(yield func(string) bool) {
			for name, data := range good {
				if d, ok := next[name]; (!ok || string(d) != string(data)) && !yield(name) {
					return
				}
			}
		})
		for name, data := range next {
			if string(good[name]) == string(data) {
				c.AddNewAll(func(yield func(string, *Summary) bool) { yield(name, last.files[name]) }, true)
			} else if taken, ok := c.AddNewAll(func(yield func(string, *Summary) bool) { yield(name, c.summarize(name, data)) }, false); !ok {
				t.Fatalf("%s: %s refused", name, taken)
			}
		}
		if continued := fmt.Sprint(c.CheckSince(last, nil)); continued != full {
			t.Errorf("%s: CheckSince of a continued Checker says %s, a full check %s", name, continued, full)
		}
		if !reflect.DeepEqual(c.files, New(base).summaries(next)) {
			t.Errorf("%s: the continued Checker has files %v, want %v", name, slices.Sorted(maps.Keys(c.files)), slices.Sorted(maps.Keys(next)))
		}
		c.Undo()
		if !maps.Equal(last.files, before) {
			t.Errorf("%s: after Undo the last build has files %v, want %v", name, slices.Sorted(maps.Keys(last.files)), slices.Sorted(maps.Keys(before)))
		}
	}
}

// summarize is the Summary of a file, nil for one that is not a page.
func (c *Checker) summarize(name string, data []byte) *Summary {
	if !strings.HasSuffix(name, ".html") {
		return nil
	}
	return c.Summarize(name, data)
}

// summaries are the files' Summaries, compared by what they hold.
func (c *Checker) summaries(files map[string][]byte) map[string]*Summary {
	m := map[string]*Summary{}
	for name, data := range files {
		m[name] = c.summarize(name, data)
	}
	return m
}

// checkAll is Check of files with a fresh Checker.
func (c *Checker) checkAll(files map[string][]byte) error {
	for name, data := range files {
		c.Add(name, data)
	}
	return c.Check(nil)
}

// TestCheckOnce: a Checker that merges links as pages come reports what one
// that keeps every page's links reports.
func TestCheckOnce(t *testing.T) {
	base, _ := siteurl.Parse("/")
	files := map[string][]byte{
		"index.html":     []byte(`<a href="/doc/#para_1">x</a><a href="/nope/">x</a><a href="../../x">out</a>`),
		"doc/index.html": []byte(`<p id="para_1"></p><a href="/#top">x</a><a href="/nope/">again</a>`),
	}
	keep, once := New(base), NewOnce(base)
	for name, data := range files {
		keep.Add(name, data)
		once.Add(name, data)
	}
	sources := []Source{{File: "content/themes/x.md", Line: 3, Page: "/themes/x/", Link: "/doc/#para_9"}}
	a, b := fmt.Sprint(keep.Check(sources)), fmt.Sprint(once.Check(sources))
	if a != b || !strings.Contains(a, "nope") {
		t.Errorf("keeping every page's links: %s\nmerging them: %s", a, b)
	}
}

// AddNewAll refuses a path added before, in a checker for one build and in
// one that a later build is checked against, from another call or the same.
func TestAddNewAllRefusesATakenPath(t *testing.T) {
	base, _ := siteurl.Parse("/")
	files := func(names ...string) func(func(string, *Summary) bool) {
		return func(yield func(string, *Summary) bool) {
			for _, n := range names {
				if !yield(n, nil) {
					return
				}
			}
		}
	}
	for _, c := range []*Checker{New(base), NewOnce(base)} {
		if taken, ok := c.AddNewAll(files("a.json", "b.json"), false); !ok {
			t.Fatalf("once=%v: %s refused in a new checker", c.once, taken)
		}
		if taken, ok := c.AddNewAll(files("c.json", "a.json"), true); ok || taken != "a.json" {
			t.Errorf("once=%v: a second a.json: %q, %v; want it refused", c.once, taken, ok)
		}
		d := New(base)
		if taken, ok := d.AddNewAll(files("x.json", "x.json"), false); ok || taken != "x.json" {
			t.Errorf("once=%v: x.json twice in one call: %q, %v; want it refused", c.once, taken, ok)
		}
	}
	// A build continued from the last (Next) may add again the files of the
	// last build's units that it has not (Remove) and those the last build
	// added one by one (AddNew); not those of the units it keeps, nor
	// one it has added already.
	last := New(base)
	last.AddNewAll(files("kept.json", "kept2.json"), false)
	last.AddNewAll(files("gone.json"), false)
	last.AddNew("other.json", nil)
	c := last.Next(base)
	c.Remove(slices.Values([]string{"gone.json"}))
	c.AddNewAll(files("kept.json", "kept2.json"), true)
	if taken, ok := c.AddNewAll(files("gone.json", "new.json"), false); !ok {
		t.Errorf("continued: %s refused", taken)
	}
	if !c.AddNew("other.json", nil) {
		t.Error("continued: other.json refused")
	}
	if c.AddNew("other.json", nil) {
		t.Error("continued: a second other.json taken")
	}
	if taken, ok := c.AddNewAll(files("x.json", "kept2.json"), false); ok || taken != "kept2.json" {
		t.Errorf("continued: a kept unit's kept2.json: %q, %v; want it refused", taken, ok)
	}
	if taken, ok := c.AddNewAll(files("new.json"), false); ok || taken != "new.json" {
		t.Errorf("continued: a second new.json: %q, %v; want it refused", taken, ok)
	}
}

// TestCheckOnceInAnyOrder: a Checker built once reports what one that
// keeps every link reports, the first page by name for each broken
// target, whatever the order the files come in, one by one or in groups
// (whose links between them hold before any is checked).
func TestCheckOnceInAnyOrder(t *testing.T) {
	base, _ := siteurl.Parse("/")
	files := []struct{ name, data string }{
		{"a/index.html", `<a href="/b/#x">x</a><a href="/b/#y">y</a><a href="/c/">c</a><a href="/site.css#f">f</a>`},
		{"b/index.html", `<p id="x"></p><a href="/a/">a</a><a href="/b/#y">y</a><a href="#x">self</a>`},
		{"z/index.html", `<a href="/b/#y">y</a><a href="/a/">a</a>`},
		{"site.css", ``},
	}
	summarize := func(c *Checker, name, data string) *Summary {
		if !strings.HasSuffix(name, ".html") {
			return nil
		}
		return c.Summarize(name, []byte(data))
	}
	keep := New(base)
	for _, f := range files {
		keep.Add(f.name, []byte(f.data))
	}
	want := fmt.Sprint(keep.Check(nil))
	for _, w := range []string{"a/index.html: /b/#y (no element with id y)", "a/index.html: /c/ (no such file)", "a/index.html: /site.css#f (a fragment on a file that is not a page)"} {
		if !strings.Contains(want, w) {
			t.Fatalf("the full check lacks %q:\n%s", w, want)
		}
	}
	orders := [][]int{{0, 1, 2, 3}, {3, 2, 1, 0}, {1, 3, 0, 2}, {2, 0, 3, 1}}
	for _, order := range orders {
		for _, group := range []int{1, 2, 4} {
			once := NewOnce(base)
			for i := 0; i < len(order); i += group {
				part := order[i:min(i+group, len(order))]
				once.AddNewAll(func(yield func(string, *Summary) bool) {
					for _, k := range part {
						if !yield(files[k].name, summarize(once, files[k].name, files[k].data)) {
							return
						}
					}
				}, false)
			}
			if got := fmt.Sprint(once.Check(nil)); got != want {
				t.Errorf("order %v, groups of %d:\n%s\nwant\n%s", order, group, got, want)
			}
		}
	}
}

// TestKeepOther: a continued build (Next) keeps a file the last build
// added one by one by naming it (KeepOther); one it neither adds again nor
// keeps is gone once the build is checked, and a link to it is broken;
// Undo gives the last build the file back.
func TestKeepOther(t *testing.T) {
	base, _ := siteurl.Parse("/")
	last := New(base)
	page := []byte(`<a href="/a.json">a</a><a href="/b.json">b</a>`)
	last.AddNew("index.html", last.Summarize("index.html", page))
	last.AddNew("a.json", nil)
	last.AddNew("b.json", nil)
	last.AddNew("c.json", nil)
	if err := last.Check(nil); err != nil {
		t.Fatal(err)
	}
	before := maps.Clone(last.files)

	c := last.Next(base)
	c.Remove(slices.Values([]string{}))
	if c.KeepOther("new.json") {
		t.Error("a file the last build had not: kept")
	}
	if !c.AddNew("a.json", nil) {
		t.Error("a.json added again: refused")
	}
	if c.KeepOther("a.json") {
		t.Error("a.json, added by this build already: kept too")
	}
	if !c.KeepOther("index.html") || !c.KeepOther("c.json") {
		t.Error("the last build's index.html and c.json: not kept")
	}
	if c.KeepOther("c.json") || c.AddNew("c.json", nil) {
		t.Error("c.json, kept: kept or added a second time")
	}
	err := c.CheckSince(last, nil)
	if err == nil || !strings.Contains(err.Error(), "/b.json") {
		t.Errorf("b.json neither added again nor kept, linked from index.html: %v", err)
	}
	if got := slices.Sorted(maps.Keys(c.files)); !slices.Equal(got, []string{"a.json", "c.json", "index.html"}) {
		t.Errorf("after the check the files are %q", got)
	}
	c.Undo()
	if !maps.Equal(last.files, before) {
		t.Errorf("after Undo the last build has %q", slices.Sorted(maps.Keys(last.files)))
	}

	// Kept, b.json is there again for the next build, and its links hold.
	c = last.Next(base)
	c.Remove(slices.Values([]string{}))
	for _, name := range []string{"index.html", "a.json", "b.json", "c.json"} {
		if !c.KeepOther(name) {
			t.Errorf("%s not kept", name)
		}
	}
	if err := c.CheckSince(last, nil); err != nil {
		t.Errorf("every file kept: %v", err)
	}
	c.Commit()
	d := c.Next(base)
	d.Remove(slices.Values([]string{}))
	if !d.KeepOther("b.json") {
		t.Error("a file kept by one build is not the next one's to keep")
	}
}
