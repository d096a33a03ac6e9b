package search_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"statements/generator/internal/testenv"
	"statements/generator/search"
)

// nodeRunner answers queries with static/search-index.js, the browser's
// reader of the index, run in Node over the index's files in dir.
const nodeRunner = `
const fs = require("fs"), path = require("path");
const [script, dir, queries] = process.argv.slice(1);
const { openSearchIndex } = require(script);
openSearchIndex((p) => fs.promises.readFile(path.join(dir, "search", p), "utf8")).then(async (ix) => {
  const out = [];
  for (const q of JSON.parse(fs.readFileSync(queries, "utf8"))) {
    const f = await ix.find(q);
    const hits = f.documents.concat(f.texts).map((h) => [h.doc, h.entry, h.count || 0]);
    hits.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    out.push({ hits: hits, numbers: f.numbers.map((h) => [h.doc, h.entry]), themes: f.themes.map((t) => t[2]) });
  }
  process.stdout.write(JSON.stringify(out));
}).catch((e) => { console.error(e); process.exit(1); });
`

type nodeAnswer struct {
	Hits    [][3]int
	Numbers [][2]int
	Themes  []string
}

// TestBrowserReaderIsExact: search-index.js, in Node, finds for random
// queries exactly what a scan of the texts finds, with the number of
// matches in each block, the same numbers and the same themes.
func TestBrowserReaderIsExact(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if testenv.InCI() {
			t.Fatal("node is not installed (apt-get install nodejs)")
		}
		t.Skip("node is not installed")
	}
	docs := corpus(t)
	themes := []search.Theme{{Title: "共建“一带一路”倡议", TitleEn: "Belt and Road Initiative", URL: "/themes/bri/", Aliases: []string{"BRI", "CPEC"}}}
	dir := t.TempDir()
	for name, f := range built(t, docs, themes) {
		file := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	qs := append(queries(docs, rand.New(rand.NewPCG(3, 4)), 600), "一、5", "第四条", "四", "part_2__para_3", "Part I, item 5", "belt and road", "cpec", "一帶一路", "２７５８", "迪亚斯卡内尔", "𠀀", "a")
	data, _ := json.Marshal(qs)
	queriesFile := filepath.Join(dir, "queries.json")
	if err := os.WriteFile(queriesFile, data, 0o644); err != nil {
		t.Fatal(err)
	}
	script, _ := filepath.Abs(filepath.Join("..", "..", "static", "search-index.js"))
	cmd := exec.Command(node, "-e", nodeRunner, script, dir, queriesFile)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var answers []nodeAnswer
	if err := json.Unmarshal(out, &answers); err != nil {
		t.Fatal(err)
	}
	for i, q := range qs {
		texts, numbers := brute(docs, q)
		var want [][3]int
		for _, h := range texts {
			want = append(want, [3]int{h.Doc, h.Entry, h.Count})
		}
		var wantNumbers [][2]int
		for _, h := range numbers {
			wantNumbers = append(wantNumbers, [2]int{h.Doc, h.Entry})
		}
		var wantThemes []string
		if qn := string(search.Query(q)); qn != "" {
			for _, th := range themes {
				for _, name := range append([]string{th.Title, th.TitleEn}, th.Aliases...) {
					if strings.Contains(string(search.Normalize(name)), qn) {
						wantThemes = append(wantThemes, th.URL)
						break
					}
				}
			}
		}
		got := answers[i]
		if fmt.Sprint(got.Hits) != fmt.Sprint(want) || fmt.Sprint(got.Numbers) != fmt.Sprint(wantNumbers) || fmt.Sprint(got.Themes) != fmt.Sprint(wantThemes) {
			t.Errorf("query %q: search-index.js finds\n%v %v %v\nthe texts hold it at\n%v %v %v", q, got.Hits, got.Numbers, got.Themes, want, wantNumbers, wantThemes)
		}
	}
}
