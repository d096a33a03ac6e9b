package cite_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"statements/generator/cite"
	"statements/generator/internal/testenv"
	"statements/generator/load"
	"statements/generator/siteurl"
	"statements/generator/structure"
)

// site loads the real documents and those of every shape.
func documents(t *testing.T) map[string]*structure.Document {
	t.Helper()
	docs := map[string]*structure.Document{}
	for _, root := range []string{"../../content", "../structure/testdata/content"} {
		c, err := load.Load(os.DirFS(root), "content")
		if err != nil {
			t.Fatal(err)
		}
		for _, ld := range c.Documents {
			d, err := structure.Build(ld)
			if err != nil {
				t.Fatal(err)
			}
			docs[d.Slug] = d
		}
	}
	return docs
}

func base(t *testing.T) siteurl.Base {
	b, err := siteurl.Parse("https://example.org/statements/")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCitations pins the citations of a clause of every kind in both
// documents and in the documents of the other numbering families.
func TestCitations(t *testing.T) {
	docs := documents(t)
	cases := []struct{ doc, eid, en, zh string }{
		{"china-cuba-joint-statement-2025", "para_4",
			"People's Republic of China and Republic of Cuba, “Joint Statement between the People's Republic of China and the Republic of Cuba on Accelerating the Building of a China-Cuba Community with a Shared Future”, 中华人民共和国和古巴共和国关于加快构建中古命运共同体的联合声明 [in Chinese], Xinhua News Agency, 4 September 2025, para. 4, https://example.org/statements/china-cuba-joint-statement-2025/para_4/ (accessed 2 December 2026).",
			"中华人民共和国, 古巴共和国. 中华人民共和国和古巴共和国关于加快构建中古命运共同体的联合声明: 第四条[EB/OL]. (2025-09-04)[2026-12-02]. https://example.org/statements/china-cuba-joint-statement-2025/para_4/."},
		{"china-cuba-joint-statement-2025", "preamble__p_3", "…, 4 September 2025, preamble, para. 3, https://", "联合声明: 序言第3段[EB/OL]"},
		{"china-cuba-joint-statement-2025", "conclusions", "…, 4 September 2025, dateline, https://", "联合声明: 电头[EB/OL]"},
		{"china-pakistan-action-plan-2025-2029", "part_1__para_5", "…, 4 September 2025, Part I, item 5, https://", "行动计划（2025－2029年）: 第一部分第5项[EB/OL]"},
		{"china-pakistan-action-plan-2025-2029", "part_2__intro", "…, Part II, introduction, https://", ": 第二部分导语[EB/OL]"},
		{"china-pakistan-action-plan-2025-2029", "part_2", "…, Part II, https://", ": 第二部分[EB/OL]"},
		{"regulation-order", "att_1__art_4__point_2__point_1", "…, Attachment 1, Art. 4(ii)(1), https://", ": 附件1第四条第（二）项第1目[EB/OL]"},
		{"decimal-plan-cover", "att_1__sec_2-1", "…, Attachment 1, sec. 2.1, https://", ": 附件1第2.1节[EB/OL]"},
		{"joint-statement-unnumbered", "para_4", "…, para. 4, https://", ": 第四段[EB/OL]"},
		{"opinions-attachment", "att_1__part_1__para_2", "…, Attachment 1, Part I, item 2, https://", ": 附件1第一部分第2项[EB/OL]"},
	}
	for _, c := range cases {
		d := docs[c.doc]
		b := d.Block(c.eid)
		if b == nil {
			t.Fatalf("%s: no block %s", c.doc, c.eid)
		}
		w := cite.Block(base(t), d, b)
		en, zh := cite.English(w, "2 December 2026"), cite.Chinese(w, "2026-12-02")
		for _, got := range []struct{ got, want string }{{en, c.en}, {zh, c.zh}} {
			want := got.want
			if strings.HasPrefix(want, "…") {
				if !strings.Contains(got.got, strings.TrimPrefix(want, "…")) {
					t.Errorf("%s %s: %q\ndoes not hold %q", c.doc, c.eid, got.got, strings.TrimPrefix(want, "…"))
				}
			} else if !strings.Contains(got.got, want) {
				t.Errorf("%s %s: %q\nwant %q", c.doc, c.eid, got.got, want)
			}
		}
	}
}

func TestDocumentCitation(t *testing.T) {
	d := documents(t)["china-pakistan-action-plan-2025-2029"]
	w := cite.Document(base(t), d)
	if got, want := cite.Chinese(w, ""), "中华人民共和国政府, 巴基斯坦伊斯兰共和国政府. 中华人民共和国政府和巴基斯坦伊斯兰共和国政府关于构建新时代更加紧密的中巴命运共同体行动计划（2025－2029年）[EB/OL]. (2025-09-04). https://example.org/statements/china-pakistan-action-plan-2025-2029/."; got != want {
		t.Errorf("Chinese:\n%s\nwant\n%s", got, want)
	}
	if got := cite.English(w, ""); strings.Contains(got, "accessed") || !strings.HasSuffix(got, ", 4 September 2025, https://example.org/statements/china-pakistan-action-plan-2025-2029/.") {
		t.Errorf("English: %s", got)
	}
}

func TestTemplate(t *testing.T) {
	d := documents(t)["china-cuba-joint-statement-2025"]
	en, zh := cite.Template(d)
	for _, s := range []string{en, zh} {
		for _, slot := range []string{cite.LocatorSlot, cite.URLSlot, cite.AccessedSlot} {
			if strings.Count(s, slot) != 1 {
				t.Errorf("template %q: %s %d times", s, slot, strings.Count(s, slot))
			}
		}
	}
	b := d.Block("para_4")
	w := cite.Block(base(t), d, b)
	fill := func(s string, locator string) string {
		return strings.NewReplacer(cite.LocatorSlot, locator, cite.URLSlot, w.URL, cite.AccessedSlot, "x").Replace(s)
	}
	if fill(en, b.Locator.En) != cite.English(w, "x") || fill(zh, b.Locator.Zh) != cite.Chinese(w, "x") {
		t.Errorf("a filled template differs from the citation:\n%s\n%s", fill(en, b.Locator.En), cite.English(w, "x"))
	}
}

// parsed is what Citation.js read from a file: CSL-JSON items.
type parsed struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Author []struct {
		Literal string `json:"literal"`
		Family  string `json:"family"`
		Given   string `json:"given"`
	} `json:"author"`
	Issued struct {
		DateParts [][]any `json:"date-parts"`
	} `json:"issued"`
	Publisher string `json:"publisher"`
	URL       string `json:"URL"`
	Language  string `json:"language"`
}

// TestReferenceManagersReadThem writes the BibTeX, RIS and CSL-JSON of a
// document and of its blocks, and reads them back with Citation.js, a
// parser reference tools use.
func TestReferenceManagersReadThem(t *testing.T) {
	dir := filepath.Join("parsecheck", "node_modules", "@citation-js", "core")
	if _, err := os.Stat(dir); err != nil {
		if testenv.InCI() {
			t.Fatalf("Citation.js is not installed (npm ci --prefix generator/cite/parsecheck): %v", err)
		}
		t.Skip("Citation.js is not installed: npm ci --prefix generator/cite/parsecheck")
	}
	docs := documents(t)
	for _, slug := range []string{"china-cuba-joint-statement-2025", "china-pakistan-action-plan-2025-2029", "regulation-order"} {
		d := docs[slug]
		works := []cite.Work{cite.Document(base(t), d)}
		for _, b := range d.Blocks {
			works = append(works, cite.Block(base(t), d, b))
		}
		tmp := t.TempDir()
		csl, err := cite.CSL(works)
		if err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{"x.bib": cite.BibTeX(works), "x.ris": cite.RIS(works), "x.json": csl}
		var paths []string
		for name, data := range files {
			p := filepath.Join(tmp, name)
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
			paths = append(paths, p)
		}
		cmd := exec.Command("node", append([]string{filepath.Join("parsecheck", "parse.mjs")}, paths...)...)
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("node: %v", err)
		}
		var read map[string][]parsed
		if err := json.Unmarshal(out, &read); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		for _, p := range paths {
			items := read[p]
			if len(items) != len(works) {
				t.Errorf("%s %s: read %d entries, wrote %d", slug, filepath.Base(p), len(items), len(works))
				continue
			}
			for i, it := range items {
				w := works[i]
				want := d.Title
				if w.Locator.Zh != "" {
					want += "：" + w.Locator.Zh
				}
				if it.Title != want {
					t.Errorf("%s %s item %d: title %q, want %q", slug, filepath.Base(p), i, it.Title, want)
				}
				if it.URL != w.URL {
					t.Errorf("%s %s item %d: URL %q, want %q", slug, filepath.Base(p), i, it.URL, w.URL)
				}
				var authors []string
				for _, a := range it.Author {
					authors = append(authors, a.Literal+a.Family+a.Given)
				}
				if strings.Join(authors, "|") != strings.Join(d.Parties, "|") {
					t.Errorf("%s %s item %d: authors %q, want %q", slug, filepath.Base(p), i, authors, d.Parties)
				}
				if len(it.Issued.DateParts) != 1 || len(it.Issued.DateParts[0]) != 3 {
					t.Errorf("%s %s item %d: date %v, want %s", slug, filepath.Base(p), i, it.Issued.DateParts, d.Date)
				}
				if d.Publisher != "" && it.Publisher != d.Publisher {
					t.Errorf("%s %s item %d: publisher %q, want %q", slug, filepath.Base(p), i, it.Publisher, d.Publisher)
				}
			}
		}
	}
}
