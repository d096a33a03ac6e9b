package main

import (
	"bytes"
	"statements/generator/internal/testenv"

	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/net/html"
)

var generatorBinary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "generator-bin-")
	if err != nil {
		panic(err)
	}
	generatorBinary = filepath.Join(dir, "generator")
	if out, err := exec.Command("go", "build", "-o", generatorBinary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building the generator: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// copyTree copies the repository's content, layouts and static into a temporary site directory.
func copyTree(t *testing.T) string { return testenv.CopySite(t, repoRoot) }

// runGenerator runs the built command in dir and returns its exit code and output.
func runGenerator(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(generatorBinary, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0, stdout.String(), stderr.String()
	case errors.As(err, &exit):
		return exit.ExitCode(), stdout.String(), stderr.String()
	}
	t.Fatal(err)
	return 0, "", ""
}

// treeHash summarises every file's path, bytes and modification time.
func treeHash(t *testing.T, dir string) string { return hashTree(t, dir, true) }

// contentHash summarises every file's path and bytes.
func contentHash(t *testing.T, dir string) string { return hashTree(t, dir, false) }

func hashTree(t *testing.T, dir string, withTimes bool) string {
	t.Helper()
	h := sha256.New()
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if !d.IsDir() {
			data, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			fmt.Fprintf(h, "%s %x", rel, sha256.Sum256(data))
			if info, _ := d.Info(); withTimes && info != nil {
				fmt.Fprintf(h, " %d", info.ModTime().UnixNano())
			}
			h.Write([]byte("\n"))
		}
		return nil
	})
	return fmt.Sprintf("%x", h.Sum(nil))
}

func TestCommandBuildsAndReports(t *testing.T) {
	dir := copyTree(t)
	code, out, errOut := runGenerator(t, dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "built public: 2 documents,") || !strings.Contains(out, " in ") || strings.Count(out, "\n") != 1 {
		t.Errorf("summary line = %q", out)
	}
	before := treeHash(t, filepath.Join(dir, "public"))
	if code, out, _ = runGenerator(t, dir); code != 0 || !strings.Contains(out, "(0 written,") {
		t.Errorf("second build: exit %d, %q; want nothing rewritten", code, out)
	}
	if treeHash(t, filepath.Join(dir, "public")) != before {
		t.Error("a second build with nothing changed altered public/ (bytes or modification times)")
	}
}

// TestCommandWarns: where a document's form cannot decide, the build says
// where it chose, as warning: file:line: …, and goes on; the directive
// settles it.
func TestCommandWarns(t *testing.T) {
	dir := copyTree(t)
	edit(cubaFile, "\n\n（新华社北京9月4日电）", "\n\n本声明以中文写成。\n\n（新华社北京9月4日电）")(t, dir)
	code, out, errOut := runGenerator(t, dir)
	if code != 0 || !strings.HasPrefix(out, "built public:") {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	if want := "warning: " + cubaFile + ":73: took this paragraph, after the last numbered clause, as part of 二十一 (para_21)"; !strings.HasPrefix(errOut, want) {
		t.Errorf("stderr = %q, want it to start %q", errOut, want)
	}
	edit(cubaFile, "\n\n本声明以中文写成。", "\n\n<!-- closing -->\n\n本声明以中文写成。")(t, dir)
	// The translation is told that its Chinese has gained a paragraph.
	code, _, errOut = runGenerator(t, dir)
	if code != 0 || strings.Contains(errOut, "warning: "+cubaFile) || !strings.Contains(errOut, "{#conclusions} has 1 paragraphs here and 2 in the Chinese") {
		t.Errorf("with the directive: exit %d, stderr %q", code, errOut)
	}
}

// TestBrokenAnnotationLinkOnce: an annotation's broken link is reported at
// its line of the theme's file, once, not at the pages that show it.
func TestBrokenAnnotationLinkOnce(t *testing.T) {
	dir := copyTree(t)
	writeFile("content/themes/dangling.md", theme("terms: [瓜达尔港]\n", "见[第四条](/china-cuba-joint-statement-2025/#para_99)。"))(t, dir)
	code, _, errOut := runGenerator(t, dir)
	if code != 1 || strings.Count(errOut, "#para_99") != 1 || !strings.Contains(errOut, "content/themes/dangling.md:7: link") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
}

// TestHelp: -h exits 0 and lists the commands, a line each; so does each command's -h.
func TestHelp(t *testing.T) {
	dir := copyTree(t)
	code, out, errOut := runGenerator(t, dir, "-h")
	if code != 0 {
		t.Errorf("-h: exit %d", code)
	}
	for _, want := range []string{"go run ./generator [flags]", "go run ./generator serve", "go run ./generator import", "go run ./generator synth", "-out"} {
		if !strings.Contains(out+errOut, want) {
			t.Errorf("-h does not say %q:\n%s", want, out+errOut)
		}
	}
	for _, cmd := range []string{"serve", "import", "synth"} {
		if code, _, errOut := runGenerator(t, dir, cmd, "-h"); code != 0 || !strings.Contains(errOut, "-") {
			t.Errorf("%s -h: exit %d, %q", cmd, code, errOut)
		}
	}
}

// TestEditorLeftoversNotPublished: what editors leave beside a file is
// neither published nor read; a near-miss name is named in a warning.
func TestEditorLeftoversNotPublished(t *testing.T) {
	dir := copyTree(t)
	for _, name := range []string{"static/site.css~", "static/#site.css#", "static/4913", "static/.DS_Store", "static/.site.css.swp", "content/documents/draft.MD"} {
		os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644)
	}
	code, _, errOut := runGenerator(t, dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, name := range []string{"site.css~", "#site.css#", "4913", ".DS_Store", ".site.css.swp"} {
		if _, err := os.Stat(filepath.Join(dir, "public", name)); err == nil {
			t.Errorf("public/%s was published", name)
		}
	}
	if want := "warning: content/documents/draft.MD: not read"; !strings.Contains(errOut, want) {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
}

// TestOutputRefused: an output directory that is a source tree, holds one,
// or holds files the generator did not write, and a regular file, are
// refused with exit status 1, and nothing anywhere changes.
func TestOutputRefused(t *testing.T) {
	tests := []struct{ name, out, want string }{
		{"the content tree", "content", "refusing to write the site into content: it is the source tree content"},
		{"the layouts tree", "layouts", "it is the source tree layouts"},
		{"inside the static tree", "static/site", "it lies inside the source tree static"},
		{"the project", ".", "it holds the source tree"},
		{"a regular file", "notes.txt", "notes.txt is a file"},
		{"someone else's directory", "drafts", "drafts holds files this generator did not write"},
		{"a built site with a file added", "public", "public/CNAME was not written by the generator"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyTree(t)
			os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
			os.MkdirAll(filepath.Join(dir, "drafts"), 0o755)
			os.WriteFile(filepath.Join(dir, "drafts", "draft.md"), []byte("mine"), 0o644)
			if code, _, errOut := runGenerator(t, dir); code != 0 {
				t.Fatalf("first build: %s", errOut)
			}
			os.WriteFile(filepath.Join(dir, "public", "CNAME"), []byte("example.org"), 0o644)
			before := treeHash(t, dir)
			code, _, errOut := runGenerator(t, dir, "-out", tt.out)
			if code != 1 || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want 1 and %q", code, errOut, tt.want)
			}
			if treeHash(t, dir) != before {
				t.Error("the refused build changed files")
			}
		})
	}
}

// TestBuildsTakeTurns: two builds of different content into one directory
// at the same time, round after round, always leave one whole site.
func TestBuildsTakeTurns(t *testing.T) {
	a, b := copyTree(t), copyTree(t)
	edit(cubaFile, "中国和古巴是好朋友", "中国和古巴是好朋友（乙）")(t, b)
	ref := map[string]string{}
	for name, dir := range map[string]string{"a": a, "b": b} {
		out := filepath.Join(t.TempDir(), name)
		if code, _, errOut := runGenerator(t, dir, "-out", out); code != 0 {
			t.Fatal(errOut)
		}
		ref[name] = contentHash(t, out)
	}
	shared := filepath.Join(t.TempDir(), "public")
	for round := 0; round < 40; round++ {
		done := make(chan string, 2)
		for _, dir := range []string{a, b} {
			go func() {
				cmd := exec.Command(generatorBinary, "-out", shared)
				cmd.Dir = dir
				out, err := cmd.CombinedOutput()
				if err != nil {
					done <- fmt.Sprintf("%v: %s", err, out)
					return
				}
				done <- ""
			}()
		}
		for range 2 {
			if msg := <-done; msg != "" {
				t.Fatalf("round %d: %s", round, msg)
			}
		}
		if got := contentHash(t, shared); got != ref["a"] && got != ref["b"] {
			t.Fatalf("round %d: the directory holds neither build", round)
		}
	}
}

// change is one way of breaking (or attacking) the site's sources.
type change func(t *testing.T, dir string)

func edit(file, old, new string) change {
	return func(t *testing.T, dir string) {
		p := filepath.Join(dir, file)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte(old)) {
			t.Fatalf("%s does not contain %q", file, old)
		}
		os.WriteFile(p, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644)
	}
}

func writeFile(file, data string) change {
	return func(t *testing.T, dir string) {
		if err := os.WriteFile(filepath.Join(dir, file), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func transform(file string, f func([]byte) []byte) change {
	return func(t *testing.T, dir string) {
		p := filepath.Join(dir, file)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(p, f(data), 0o644)
	}
}

func symlink(file, target string) change {
	return func(t *testing.T, dir string) {
		if err := os.Symlink(target, filepath.Join(dir, file)); err != nil {
			t.Fatal(err)
		}
	}
}

func fifo(file string) change {
	return func(t *testing.T, dir string) {
		if err := syscall.Mkfifo(filepath.Join(dir, file), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func remove(file string) change {
	return func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, file)) }
}

const (
	cubaFile = "content/documents/china-cuba-joint-statement-2025.md"
	pakFile  = "content/documents/china-pakistan-action-plan-2025-2029.md"
)

// theme is a theme file with the given front matter lines and annotation.
func theme(front, body string) string {
	return "---\ntitle: 测试主题\ntitle_en: Test theme\n" + front + "---\n\n" + body + "\n"
}

// TestBrokenInputKeepsPublic: each broken input fails with file:line and exit
// status 1, and leaves the last good public/ exactly as it was.
func TestBrokenInputKeepsPublic(t *testing.T) {
	tests := []struct {
		name   string
		change change
		want   string
	}{
		{"empty file", writeFile("content/documents/empty.md", ""), "content/documents/empty.md:1: empty file"},
		{"front matter unclosed", writeFile("content/documents/open.md", "---\ntitle: 甲\n\n一、乙。\n"), "content/documents/open.md:1: front matter is not closed"},
		{"front matter not YAML", edit(cubaFile, "date: 2025-09-04", "date: [2025"), cubaFile + ":6: front matter is not valid YAML"},
		{"missing title", edit(cubaFile, "title: 中华人民共和国和古巴共和国关于加快构建中古命运共同体的联合声明\n", ""), cubaFile + ":1: title is missing or empty"},
		{"unknown field", edit(cubaFile, "short_en:", "shortEn:"), cubaFile + ":5: unknown front matter field \"shortEn\""},
		{"invalid UTF-8", edit(cubaFile, "古方坚定支持中方在涉疆", "古方坚定\xc3支持中方在涉疆"), cubaFile + ":39: invalid UTF-8"},
		{"byte order mark", transform(cubaFile, func(b []byte) []byte { return append([]byte("\uFEFF"), b...) }), cubaFile + ":1: file starts with a byte order mark"},
		{"CRLF line ends", transform(cubaFile, func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")) }), cubaFile + ":1: CR (Windows) line end"},
		{"numbering skips", edit(cubaFile, "四、古方重申", "五、古方重申"), cubaFile + ":37: numbering skips: 五、 after number 3 (expected 4)"},
		{"numbering repeats", edit(cubaFile, "四、古方重申", "三、古方重申"), cubaFile + ":37: number 三、 repeats the number before it"},
		{"numbering goes backwards", edit(cubaFile, "五、古方坚定", "三、古方坚定"), cubaFile + ":39: numbering goes backwards: 三、 after number 4"},
		{"deeper level with no parent", edit(cubaFile, "一、古方热烈祝贺", "（1）甲。\n\n一、古方热烈祝贺"), cubaFile + ":33: 一、 is a number of a higher level than the （1） the text began with; a lower level has no parent here"},
		{"duplicate id", edit(pakFile, "二、共建", "（一）丙。\n\n二、共建"), pakFile + ":53: duplicate id part_1__para_1: the paragraph at line 39 has it too"},
		{"paragraph split over two lines", edit(cubaFile, "四、古方重申无条件", "四、古方重申\n无条件"), cubaFile + ":38: paragraph continues on a second line"},
		{"theme term matches nothing", writeFile("content/themes/nothing.md", theme("terms: [不存在的词]\n", "注释。")), "content/themes/nothing.md:4: term \"不存在的词\" matches nowhere"},
		{"unknown block in a manual list", writeFile("content/themes/manual.md", theme("terms: [一带一路倡议]\nadd: [no-such-document#para_1]\n", "注释。")), "content/themes/manual.md:5: add: \"no-such-document#para_1\" is not a block"},
		{"term claimed by two themes", writeFile("content/themes/twice.md", theme("terms: [第2758号决议]\n", "注释。")), "content/themes/un-resolution-2758.md:5: term \"第2758号决议\" is also a term of theme twice"},
		{"javascript: link in an annotation", writeFile("content/themes/js.md", theme("terms: [瓜达尔港]\n", "见[此处](javascript:alert(1))。")), "content/themes/js.md:7: link \"javascript:alert(1)\": may link only to http(s) URLs or to paths of this site"},
		{"javascript: link in an editorial page", writeFile("content/pages/about-us.md", "---\ntitle: 关于\n---\n\n见[此处](javascript:alert(1))。\n"), "content/pages/about-us.md:5: link \"javascript:alert(1)\": may link only to http(s) URLs or to paths of this site"},
		{"protocol-relative link in an annotation", writeFile("content/themes/cdn.md", theme("terms: [瓜达尔港]\n", "第一段。\n\n见[此处](//evil.example/x)。")), "content/themes/cdn.md:9: link \"//evil.example/x\""},
		{"50 MB file", writeFile("content/documents/huge.md", "---\ntitle: 大\n---\n\n"+strings.Repeat("甲", 50<<20/3)), "content/documents/huge.md: larger than 4194304 bytes"},
		{"link to a file outside the project", symlink("static/notes.txt", "/etc/passwd"), "static/notes.txt: a symbolic link that leads outside the project (to /etc/passwd)"},
		{"link to a device", symlink("static/zero.bin", "/dev/zero"), "static/zero.bin: a symbolic link that leads outside the project (to /dev/zero)"},
		{"link to outside as a document", symlink("content/documents/passwd.md", "/etc/passwd"), "content/documents/passwd.md: a symbolic link that leads outside the project"},
		{"named pipe in static", fifo("static/pipe"), "static/pipe: not a regular file (a named pipe)"},
		{"path with ..", writeFile("content/documents/a..b.md", "---\ntitle: 甲\n---\n\n乙。\n"), "content/documents/a..b.md: file name \"a..b\" is not a slug"},
		{"reserved slug", writeFile("content/documents/search.md", "---\ntitle: 甲\n---\n\n乙。\n"), "content/documents/search.md: slug \"search\" is reserved"},
		{"layout syntax error", edit("layouts/clause.html", "{{.Page.DocShort}}", "{{.Page.DocShort"), "layouts/clause.html:"},
		{"layout missing", remove("layouts/theme.html"), "layouts/theme.html: no such layout"},
		{"static file over a generated page", writeFile("static/index.html", "<p>x</p>"), "static/: index.html would overwrite a generated file"},
		{"broken link in an annotation", writeFile("content/themes/dangling.md", theme("terms: [瓜达尔港]\n", "见[第四条](/china-cuba-joint-statement-2025/#para_99)。")), "content/themes/dangling.md:7: link /china-cuba-joint-statement-2025/#para_99 leads nowhere (no element with id para_99)"},
		{"broken link in an editorial page", writeFile("content/pages/about-us.md", "---\ntitle: 关于\n---\n\n第一段。\n\n见[此处](/nowhere/)。\n"), "content/pages/about-us.md:7: link /nowhere/ leads nowhere (no such file)"},
	}
	if len(tests) < 20 {
		t.Fatalf("only %d bad inputs", len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyTree(t)
			if code, _, errOut := runGenerator(t, dir); code != 0 {
				t.Fatalf("first build failed: %s", errOut)
			}
			before := treeHash(t, filepath.Join(dir, "public"))
			tt.change(t, dir)
			code, out, errOut := runGenerator(t, dir)
			if code != 1 {
				t.Errorf("exit status %d, want 1", code)
			}
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr = %q\nwant containing %q", errOut, tt.want)
			}
			if out != "" {
				t.Errorf("stdout = %q, want nothing on failure", out)
			}
			if treeHash(t, filepath.Join(dir, "public")) != before {
				t.Error("the failed build changed public/")
			}
		})
	}
}

// TestHostileMarkupIsEscaped: markup in the text and raw HTML in an
// annotation build, but reach readers only as text.
func TestHostileMarkupIsEscaped(t *testing.T) {
	dir := copyTree(t)
	edit(cubaFile, "四、古方重申", "四、<script>alert(1)</script><img src=x onerror=alert(2)>[a](javascript:alert(3))古方重申")(t, dir)
	writeFile("content/themes/raw.md", theme("terms: [瓜达尔港]\n", "<script>alert(4)</script>\n\n<b onclick=alert(5)>粗</b>"))(t, dir)
	if code, _, errOut := runGenerator(t, dir); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, page := range []string{"public/china-cuba-joint-statement-2025/index.html", "public/china-cuba-joint-statement-2025/para_4/index.html", "public/themes/raw/index.html"} {
		for _, problem := range activeContent(t, filepath.Join(dir, page)) {
			t.Errorf("%s: %s", page, problem)
		}
	}
	data, _ := os.ReadFile(filepath.Join(dir, "public/china-cuba-joint-statement-2025/index.html"))
	if !bytes.Contains(data, []byte("四、&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;[a](javascript:alert(3))古方重申")) {
		t.Error("the markup typed into the text is not shown as the characters typed")
	}
}

// activeContent lists what in an HTML page could run, or what the page's
// Content-Security-Policy would refuse: event-handler attributes,
// javascript: URLs, inline scripts (JSON-LD data excepted), style
// attributes, and elements that typed markup would have created.
func activeContent(t *testing.T, file string) []string {
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	var problems []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attrs := map[string]string{}
			for _, a := range n.Attr {
				attrs[a.Key] = a.Val
				if strings.HasPrefix(a.Key, "on") {
					problems = append(problems, "event handler "+a.Key)
				}
				if a.Key == "style" {
					problems = append(problems, "style attribute (the Content-Security-Policy drops it)")
				}
				if (a.Key == "href" || a.Key == "src") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
					problems = append(problems, a.Key+"="+a.Val)
				}
			}
			if n.Data == "script" && attrs["src"] == "" && attrs["type"] != "application/ld+json" {
				problems = append(problems, "inline script")
			}
			if n.Data == "img" || n.Data == "b" {
				problems = append(problems, "a <"+n.Data+"> element from typed markup")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return problems
}

// TestBuildLeavesNoTemporaryFiles: the search index's spill files (in the
// system's temporary directory) are gone after a build, and after one
// that fails at its end (a broken link); the profiles are written where
// asked.
func TestBuildLeavesNoTemporaryFiles(t *testing.T) {
	dir := copyTree(t)
	tmp, profiles := t.TempDir(), t.TempDir()
	build := func() (int, string) {
		cmd := exec.Command(generatorBinary, "-cpuprofile", filepath.Join(profiles, "cpu"), "-memprofile", filepath.Join(profiles, "heap"))
		cmd.Dir, cmd.Env = dir, append(os.Environ(), "TMPDIR="+tmp)
		out, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			t.Fatal(err)
		}
		return cmd.ProcessState.ExitCode(), string(out)
	}
	if code, out := build(); code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	for _, name := range []string{"cpu", "heap"} {
		if info, err := os.Stat(filepath.Join(profiles, name)); err != nil || info.Size() == 0 {
			t.Errorf("profile %s not written: %v", name, err)
		}
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("the build left %d files in TMPDIR: %v", len(left), left)
	}
	writeFile("content/themes/dangling.md", theme("terms: [瓜达尔港]\n", "见[第四条](/china-cuba-joint-statement-2025/#para_99)。"))(t, dir)
	if code, out := build(); code != 1 {
		t.Fatalf("a broken link: exit %d: %s", code, out)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("the failed build left %d files in TMPDIR: %v", len(left), left)
	}
}
