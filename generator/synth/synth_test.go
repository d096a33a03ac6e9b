package synth

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"statements/generator/build"
	"statements/generator/load"
	"statements/generator/siteurl"
)

// repoSource is the repository's trees.
func repoSource() Source {
	return Source{Content: os.DirFS("../../content"), Layouts: os.DirFS("../../layouts"), Static: os.DirFS("../../static")}
}

// buildCorpus builds a corpus's site, failing the test on an error.
func buildCorpus(t *testing.T, files map[string][]byte) *build.Site {
	t.Helper()
	trees := map[string]fstest.MapFS{"content": {}, "layouts": {}, "static": {}}
	for name, data := range files {
		tree, rest, _ := strings.Cut(name, "/")
		trees[tree][rest] = &fstest.MapFile{Data: data}
	}
	base, _ := siteurl.Parse("/")
	site, err := build.Build(build.Config{Content: trees["content"], Layouts: trees["layouts"], Static: trees["static"], Base: base})
	if err != nil {
		t.Fatal(err)
	}
	return site
}

func TestCorpusBuilds(t *testing.T) {
	src := repoSource()
	real, err := build.Build(build.Config{Content: src.Content, Layouts: src.Layouts, Static: src.Static})
	if err != nil {
		t.Fatal(err)
	}
	files, err := Corpus(src, 5)
	if err != nil {
		t.Fatal(err)
	}
	site := buildCorpus(t, files)
	if len(site.Documents) != 5 {
		t.Fatalf("%d documents, want 5", len(site.Documents))
	}
	// Document k copies real document (k-1) mod 2: the same blocks, in the same order.
	for _, d := range site.Documents {
		var k int
		if _, err := fmt.Sscanf(d.Slug, "synthetic-%d", &k); err != nil {
			t.Fatal(err)
		}
		orig := real.Documents[(k-1)%len(real.Documents)]
		if len(d.Blocks) != len(orig.Blocks) {
			t.Errorf("%s: %d blocks, its original %s has %d", d.Slug, len(d.Blocks), orig.Slug, len(orig.Blocks))
			continue
		}
		for i, b := range d.Blocks {
			if b.EID != orig.Blocks[i].EID || b.Text() != orig.Blocks[i].Text() {
				t.Errorf("%s#%s differs from %s#%s", d.Slug, b.EID, orig.Slug, orig.Blocks[i].EID)
			}
		}
		if !strings.Contains(d.Short, strings.TrimPrefix(d.Slug, "synthetic-")) {
			t.Errorf("%s: short name %q does not carry its number", d.Slug, d.Short)
		}
	}
	for name := range files {
		if strings.HasPrefix(name, "content/") && bytes.Contains(files[name], []byte("china-cuba-joint-statement-2025")) {
			t.Errorf("%s still names a real document", name)
		}
	}
}

func TestCorpusIsDeterministic(t *testing.T) {
	a, err := Corpus(repoSource(), 4)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Corpus(repoSource(), 4)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

func TestTooFewDocuments(t *testing.T) {
	if _, err := Corpus(repoSource(), 1); err == nil {
		t.Fatal("a corpus of 1 document from 2 real ones: no error")
	}
}

// TestManualReferences checks that add and remove references follow the
// copies of their document, and that one naming no block is dropped.
func TestManualReferences(t *testing.T) {
	src := repoSource()
	content := fstest.MapFS{}
	err := fs.WalkDir(src.Content, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src.Content, name)
		content[name] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	theme := "themes/belt-and-road-initiative.md"
	content[theme].Data = bytes.Replace(content[theme].Data, []byte("\nterms:"),
		[]byte("\nadd: [china-cuba-joint-statement-2025#para_1, china-cuba-joint-statement-2025#para_99]\nremove: [china-pakistan-action-plan-2025-2029#part_2]\nterms:"), 1)
	src.Content = content
	files, err := Corpus(src, 4)
	if err != nil {
		t.Fatal(err)
	}
	c, err := load.Load(fstest.MapFS{"site.yaml": {Data: files["content/site.yaml"]}, theme: {Data: files["content/"+theme]}}, "content")
	if err != nil {
		t.Fatal(err)
	}
	got := c.Themes[0]
	if want := []string{"synthetic-0001#para_1", "synthetic-0003#para_1"}; strings.Join(got.Add, " ") != strings.Join(want, " ") {
		t.Errorf("add: %q, want %q", got.Add, want)
	}
	if want := []string{"synthetic-0002#part_2", "synthetic-0004#part_2"}; strings.Join(got.Remove, " ") != strings.Join(want, " ") {
		t.Errorf("remove: %q, want %q", got.Remove, want)
	}
	buildCorpus(t, files)
}

func TestRunWritesOnce(t *testing.T) {
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	args := []string{"-n", "2", "-o", dir, "-content", "../../content", "-layouts", "../../layouts", "-static", "../../static"}
	if err := Run(args, &out, &errOut); err != nil {
		t.Fatal(err, errOut.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "documents", "synthetic-0002.md")); err != nil {
		t.Fatal(err)
	}
	if err := Run(args, &out, &errOut); err == nil {
		t.Fatal("a second run into the same directory: no error")
	}
}
