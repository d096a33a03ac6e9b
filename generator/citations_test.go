package main

import (
	"bytes"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// metaOf gives a page's <meta> tags, name or property → contents, and its canonical URL.
func metaOf(page []byte) (map[string][]string, string) {
	tags := map[string][]string{}
	for _, m := range regexp.MustCompile(`<meta (?:name|property)="([^"]+)" content="([^"]*)">`).FindAllSubmatch(page, -1) {
		tags[string(m[1])] = append(tags[string(m[1])], html.UnescapeString(string(m[2])))
	}
	canonical := ""
	if m := regexp.MustCompile(`<link rel="canonical" href="([^"]*)">`).FindSubmatch(page); m != nil {
		canonical = string(m[1])
	}
	return tags, canonical
}

// TestPreviewTagsOnEveryPageType: built with an address, every type of page
// has its canonical URL and what link previews read, absolute.
func TestPreviewTagsOnEveryPageType(t *testing.T) {
	const base = "https://example.org/s/"
	site := buildRepo(t, base)
	pages := map[string]string{
		"home":     "index.html",
		"document": "china-cuba-joint-statement-2025/index.html",
		"clause":   "china-pakistan-action-plan-2025-2029/part_1__para_5/index.html",
		"heading":  "china-pakistan-action-plan-2025-2029/part_2/index.html",
		"theme":    "themes/un-resolution-2758/index.html",
		"themes":   "themes/index.html",
		"search":   "search/index.html",
		"data":     "data/index.html",
		"party":    "parties/index.html",
		"year":     "years/2025/index.html",
	}
	for kind, file := range pages {
		page, ok := site.Files[file]
		if !ok {
			t.Errorf("%s: no %s", kind, file)
			continue
		}
		tags, canonical := metaOf(page)
		url := base + strings.TrimSuffix(file, "index.html")
		if canonical != url {
			t.Errorf("%s: canonical %q, want %q", kind, canonical, url)
		}
		if got := tags["og:url"]; len(got) != 1 || got[0] != url {
			t.Errorf("%s: og:url %q, want %q", kind, got, url)
		}
		for _, name := range []string{"og:title", "og:description", "twitter:card", "twitter:title", "twitter:description"} {
			if got := tags[name]; len(got) != 1 || strings.TrimSpace(got[0]) == "" {
				t.Errorf("%s: %s is %q", kind, name, got)
			}
		}
		_, cites := tags["citation_title"]
		if wantCites := kind == "document" || kind == "clause" || kind == "heading"; cites != wantCites {
			t.Errorf("%s: citation_title present %v, want %v", kind, cites, wantCites)
		}
	}
	// A clause's title does not say its number twice.
	tags, _ := metaOf(site.Files[pages["clause"]])
	if got := tags["og:title"][0]; !strings.HasPrefix(got, "中巴行动计划 一、5：坚定支持维护彼此核心利益") {
		t.Errorf("clause og:title %q", got)
	}
	if got := tags["citation_title"][0]; got != "中华人民共和国政府和巴基斯坦伊斯兰共和国政府关于构建新时代更加紧密的中巴命运共同体行动计划（2025－2029年）：第一部分第5项" {
		t.Errorf("clause citation_title %q", got)
	}
	if got := tags["citation_author"]; strings.Join(got, "|") != "中华人民共和国政府|巴基斯坦伊斯兰共和国政府" {
		t.Errorf("clause citation_author %q", got)
	}
	if got := tags["citation_publication_date"]; len(got) != 1 || got[0] != "2025/09/04" {
		t.Errorf("clause citation_publication_date %q", got)
	}
	if got := tags["citation_public_url"]; len(got) != 1 || got[0] != base+"china-pakistan-action-plan-2025-2029/part_1__para_5/" {
		t.Errorf("clause citation_public_url %q", got)
	}
	// The page shows its citations with the absolute URL, and the
	// reference managers' files of the document exist.
	if !bytes.Contains(site.Files[pages["clause"]], []byte("第一部分第5项[EB/OL]. (2025-09-04). "+base+"china-pakistan-action-plan-2025-2029/part_1__para_5/.")) {
		t.Error("the clause page does not show its GB/T 7714 citation")
	}
	for _, ext := range []string{".bib", ".ris", ".csl.json"} {
		if data := site.Files["data/china-cuba-joint-statement-2025"+ext]; !bytes.Contains(data, []byte(base+"china-cuba-joint-statement-2025/para_4/")) {
			t.Errorf("data/china-cuba-joint-statement-2025%s does not cite para_4 at its absolute URL", ext)
		}
	}
}

// TestNoInternalPathsPublished: nothing the site publishes names the
// editors' files (the seed, content/).
func TestNoInternalPathsPublished(t *testing.T) {
	site := buildRepo(t, "/")
	for name, data := range site.Files {
		for _, leak := range []string{"seed/", "000_1a856d60526b52c7", "content/documents"} {
			if bytes.Contains(data, []byte(leak)) {
				t.Errorf("%s names %q", name, leak)
			}
		}
	}
}

// TestSiteAddress: a build without an address says so once on stderr; the
// url of site.yaml gives one; -base-url wins over it; a bad url is an error
// at its line.
func TestSiteAddress(t *testing.T) {
	dir := copyTree(t)
	code, _, errOut := runGenerator(t, dir)
	if code != 0 || strings.Count(errOut, "note: the site's address is not known") != 1 {
		t.Errorf("without an address: exit %d, stderr %q; want the notice once", code, errOut)
	}
	siteYAML := filepath.Join(dir, "content", "site.yaml")
	data, err := os.ReadFile(siteYAML)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(siteYAML, append(data, []byte("url: https://statements.example/\n")...), 0o644)
	code, _, errOut = runGenerator(t, dir)
	if code != 0 || errOut != "" {
		t.Errorf("with url in site.yaml: exit %d, stderr %q", code, errOut)
	}
	home, _ := os.ReadFile(filepath.Join(dir, "public", "index.html"))
	if !bytes.Contains(home, []byte(`<link rel="canonical" href="https://statements.example/">`)) {
		t.Error("the url of site.yaml did not make the canonical URL absolute")
	}
	code, _, errOut = runGenerator(t, dir, "-base-url", "https://flag.example/x/", "-out", "flag")
	if code != 0 || errOut != "" {
		t.Errorf("with -base-url: exit %d, stderr %q", code, errOut)
	}
	home, _ = os.ReadFile(filepath.Join(dir, "flag", "index.html"))
	if !bytes.Contains(home, []byte(`<link rel="canonical" href="https://flag.example/x/">`)) {
		t.Error("-base-url did not win over site.yaml")
	}
	lines := strings.Count(string(data), "\n") + 1
	os.WriteFile(siteYAML, append(data, []byte("url: statements.example\n")...), 0o644)
	code, _, errOut = runGenerator(t, dir)
	if want := filepath.Join("content", "site.yaml") + ":" + strconv.Itoa(lines) + ": url"; code != 1 || !strings.Contains(errOut, want) {
		t.Errorf("with a bad url: exit %d, stderr %q; want %q", code, errOut, want)
	}
}

// TestCorrectionsLog: a document's dated corrections are shown on its page
// and published in its data; a correction without a valid date or a text
// is an error at the line of the list.
func TestCorrectionsLog(t *testing.T) {
	dir := copyTree(t)
	entry := "corrections:\n  - date: 2026-11-30\n    text: 第七条“治党治国”原误作“治国治党”，据新华社原电改正。\n    text_en: In para. 7, a transposition corrected against the Xinhua release.\n"
	edit(cubaFile, "compare:\n", entry+"compare:\n")(t, dir)
	if code, _, errOut := runGenerator(t, dir); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	page, _ := os.ReadFile(filepath.Join(dir, "public", "china-cuba-joint-statement-2025", "index.html"))
	if !bytes.Contains(page, []byte(`<time datetime="2026-11-30">2026年11月30日</time>：第七条“治党治国”原误作“治国治党”，据新华社原电改正。`)) {
		t.Error("the document page does not show the correction")
	}
	data, _ := os.ReadFile(filepath.Join(dir, "public", "data", "china-cuba-joint-statement-2025.json"))
	if !bytes.Contains(data, []byte(`"corrections": [`)) || !bytes.Contains(data, []byte(`"date": "2026-11-30"`)) {
		t.Error("data/china-cuba-joint-statement-2025.json does not carry the correction")
	}
	md, _ := os.ReadFile(filepath.Join(dir, "public", "china-cuba-joint-statement-2025", "index.md"))
	if !bytes.Contains(md, []byte("date: \"2026-11-30\"")) && !bytes.Contains(md, []byte("date: 2026-11-30")) {
		t.Errorf("index.md does not carry the correction:\n%s", md[:min(len(md), 2000)])
	}
	src, _ := os.ReadFile(filepath.Join(dir, cubaFile))
	line := strings.Count(string(src[:bytes.Index(src, []byte("corrections:"))]), "\n") + 1
	edit(cubaFile, "date: 2026-11-30", "date: 30.11.2026")(t, dir)
	code, _, errOut := runGenerator(t, dir)
	if want := cubaFile + ":" + strconv.Itoa(line) + ": correction 1: date \"30.11.2026\" is not an ISO date"; code != 1 || !strings.Contains(errOut, want) {
		t.Errorf("a bad date: exit %d, stderr %q; want %q", code, errOut, want)
	}
}
