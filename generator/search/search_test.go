package search_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"statements/generator/load"
	"statements/generator/search"
	"statements/generator/siteurl"
	"statements/generator/structure"
)

// corpus is the documents of the site and of the shape fixtures.
func corpus(t testing.TB) []search.Document {
	t.Helper()
	base, _ := siteurl.Parse("/")
	var docs []search.Document
	for _, dir := range []string{"../../content", "../structure/testdata/content"} {
		c, err := load.Load(os.DirFS(dir), "content")
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range c.Documents {
			sd, err := structure.Build(d)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, search.FromDocument(base, sd))
		}
	}
	return docs
}

// built is an index of docs, as files of a site.
func built(t testing.TB, docs []search.Document, themes []search.Theme) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	var parts []*search.Part
	for _, d := range docs {
		p, chunks, err := search.NewPart(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range chunks {
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		}
		parts = append(parts, p)
	}
	files, err := search.Join(parts, themes)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// brute finds query by reading every entry's text: what the index must answer.
func brute(docs []search.Document, query string) (texts []search.Hit, numbers []search.Hit) {
	q := string(search.Query(query))
	key := search.NumberKey(query)
	for i, d := range docs {
		entries := []string{strings.Join(slices.DeleteFunc([]string{d.Title, d.Short, d.TitleEn}, func(s string) bool { return s == "" }), string(search.Separator))}
		for _, b := range d.Blocks {
			entries = append(entries, b.Text)
		}
		for e, text := range entries {
			if q == "" {
				continue
			}
			n := search.Normalize(text)
			var at []int
			for p := 0; p+len([]rune(q)) <= len(n); p++ {
				if string(n[p:p+len([]rune(q))]) == q {
					at = append(at, p)
				}
			}
			if len([]rune(q)) == 1 {
				at = at[:min(len(at), 0)]
				if strings.Contains(string(n), q) {
					at = []int{}
				} else {
					at = nil
				}
			}
			if at != nil {
				h := search.Hit{Doc: i, Entry: e, Count: len(at)}
				if len(at) > 0 && len([]rune(q)) >= 3 {
					h.At = at
				}
				texts = append(texts, h)
			}
		}
		for e, b := range d.Blocks {
			if key == "" {
				break
			}
			if slices.ContainsFunc(b.Numbers, func(f string) bool { return search.NumberKey(f) == key }) {
				numbers = append(numbers, search.Hit{Doc: i, Entry: e + 1})
			}
		}
	}
	return texts, numbers
}

// queries are substrings of the corpus, near-misses (one character
// changed), and the same with spaces, dashes, middle dots, full-width and
// traditional forms put in, as readers type them.
func queries(docs []search.Document, r *rand.Rand, n int) []string {
	var texts []string
	for _, d := range docs {
		texts = append(texts, d.Title, d.Short, d.TitleEn)
		for _, b := range d.Blocks {
			texts = append(texts, b.Text)
		}
	}
	variants := []func(string) string{
		func(s string) string { return s },
		func(s string) string { return " " + s + " " },
		func(s string) string { // a near miss
			rs := []rune(s)
			rs[r.IntN(len(rs))] = []rune("的国和之与合作中巴古")[r.IntN(10)]
			return string(rs)
		},
		func(s string) string { // a dash, a middle dot or a space inside
			rs := []rune(s)
			at := r.IntN(len(rs) + 1)
			return string(rs[:at]) + []string{"-", "—", "·", " ", "－", "・"}[r.IntN(6)] + string(rs[at:])
		},
		func(s string) string { // full width and traditional forms
			return strings.NewReplacer("1", "１", "2", "２", "5", "５", "国", "國", "关", "關", "发", "發", "a", "Ａ").Replace(s)
		},
	}
	var out []string
	for len(out) < n {
		t := []rune(texts[r.IntN(len(texts))])
		if len(t) == 0 {
			continue
		}
		from := r.IntN(len(t))
		to := min(len(t), from+1+r.IntN(12))
		s := string(t[from:to])
		if strings.TrimSpace(s) == "" {
			continue
		}
		out = append(out, variants[r.IntN(len(variants))](s))
	}
	return out
}

// TestSearchIsExact: for random queries, the index finds exactly the
// entries whose normalized text holds the normalized query, at every place
// it holds it, and exactly the blocks whose number is the query.
func TestSearchIsExact(t *testing.T) {
	docs := corpus(t)
	fsys := built(t, docs, nil)
	r := rand.New(rand.NewPCG(1, 2))
	qs := append(queries(docs, r, 3000), "一、5", "第四条", "四", "part_2__para_3", "第一部分第5项", "Part II, item 3", "para. 4", "第十二条", "art_3", "2.1", "序言第3段")
	for _, q := range qs {
		ix, err := search.Open(fsys)
		if err != nil {
			t.Fatal(err)
		}
		res, err := ix.Search(q)
		if err != nil {
			t.Fatal(err)
		}
		got := append(append([]search.Hit(nil), res.Documents...), res.Texts...)
		slices.SortFunc(got, func(a, b search.Hit) int { return (a.Doc-b.Doc)*1e6 + a.Entry - b.Entry })
		want, wantNumbers := brute(docs, q)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("query %q: the index finds\n%v\nthe texts hold it at\n%v", q, got, want)
		}
		if fmt.Sprint(res.Numbers) != fmt.Sprint(wantNumbers) {
			t.Errorf("query %q: the index finds the numbers\n%v\nwant\n%v", q, res.Numbers, wantNumbers)
		}
	}
}

// TestNumbers: a clause is found by each way of writing its number.
func TestNumbers(t *testing.T) {
	docs := corpus(t)
	ix, err := search.Open(built(t, docs, nil))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ query, slug, eid string }{
		{"一、5", "china-pakistan-action-plan-2025-2029", "part_1__para_5"},
		{"一 5", "china-pakistan-action-plan-2025-2029", "part_1__para_5"},
		{"第一部分第5项", "china-pakistan-action-plan-2025-2029", "part_1__para_5"},
		{"Part I, item 5", "china-pakistan-action-plan-2025-2029", "part_1__para_5"},
		{"第四条", "china-cuba-joint-statement-2025", "para_4"},
		{"para. 4", "china-cuba-joint-statement-2025", "para_4"},
		{"第二部分", "china-pakistan-action-plan-2025-2029", "part_2"},
		{"para_11", "china-cuba-joint-statement-2025", "para_11"},
		{"序言第3段", "china-cuba-joint-statement-2025", "preamble__p_3"},
	} {
		res, err := ix.Search(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, h := range res.Numbers {
			eid, _, _, err := ix.Entry(h.Doc, h.Entry)
			if err != nil {
				t.Fatal(err)
			}
			found = found || ix.Slug(h.Doc) == tt.slug && eid == tt.eid
		}
		if !found {
			t.Errorf("%q does not find %s#%s among %d numbers", tt.query, tt.slug, tt.eid, len(res.Numbers))
		}
	}
}

// TestThemesByName: a theme is found by its names in both languages and its aliases.
func TestThemesByName(t *testing.T) {
	themes := []search.Theme{
		{Title: "共建“一带一路”倡议", TitleEn: "Belt and Road Initiative", URL: "/themes/bri/", Aliases: []string{"BRI"}},
		{Title: "联合国大会第2758号决议", TitleEn: "UN General Assembly Resolution 2758", URL: "/themes/2758/", Aliases: []string{"Resolution 2758"}},
	}
	ix, err := search.Open(built(t, corpus(t)[:1], themes))
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{"belt and road": 0, "BRI": 0, "一带一路": 0, "Resolution 2758": 1, "resolution2758": 1, "2758号": 1} {
		res, _ := ix.Search(q)
		if !slices.Contains(res.Themes, want) {
			t.Errorf("%q finds themes %v, want %d", q, res.Themes, want)
		}
	}
}
