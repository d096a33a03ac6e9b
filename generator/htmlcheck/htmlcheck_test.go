package htmlcheck

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"statements/generator/internal/testenv"
)

// pages is one built page of every type.
var pages = []string{
	"index.html",
	"china-cuba-joint-statement-2025/index.html",
	"china-pakistan-action-plan-2025-2029/part_1__para_5/index.html",
	"china-pakistan-action-plan-2025-2029/part_2/index.html",
	"themes/index.html",
	"themes/un-resolution-2758/index.html",
	"search/index.html",
	"data/index.html",
	"404.html",
	"parties/index.html",
	"parties/islamic-republic-of-pakistan/index.html",
	"years/2025/index.html",
}

const vnuJar = "node_modules/vnu-jar/build/dist/vnu.jar"

// checker returns the command line that runs vnu, or skips: locally the
// checker may be missing; in CI (CI=true) it must be there.
func checker(t *testing.T) []string {
	java, err := exec.LookPath("java")
	if _, jarErr := os.Stat(vnuJar); err != nil || jarErr != nil {
		msg := "the Nu Html Checker needs Java (Debian: default-jre-headless) and `npm ci --prefix generator/htmlcheck`"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return []string{java, "-jar", vnuJar, "--errors-only", "--format", "json"}
}

type vnuReport struct {
	Messages []struct {
		Type     string `json:"type"`
		URL      string `json:"url"`
		LastLine int    `json:"lastLine"`
		Message  string `json:"message"`
		Extract  string `json:"extract"`
		SubType  string `json:"subType"`
	} `json:"messages"`
}

func validate(t *testing.T, files ...string) vnuReport {
	t.Helper()
	cmd := checker(t)
	out, _ := exec.Command(cmd[0], append(cmd[1:], files...)...).CombinedOutput() // exit status 1 when errors are found
	var report vnuReport
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatalf("vnu output is not its JSON report: %v\n%s", err, out)
	}
	return report
}

func TestBuiltPagesAreValidHTML(t *testing.T) {
	var files []string
	for _, p := range pages {
		f := filepath.Join("..", "..", "public", p)
		if _, err := os.Stat(f); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		files = append(files, f)
	}
	for _, m := range validate(t, files...).Messages {
		t.Errorf("%s:%d: %s: %s (%q)", m.URL, m.LastLine, m.Type, m.Message, m.Extract)
	}
}

// shapePages are pages of documents of every shape: a preface, a closing,
// a table of contents, attachments, articles and decimal sections.
var shapePages = []string{
	"regulation-order/index.html",
	"regulation-order/att_1/index.html",
	"regulation-order/att_1__art_2__para_2/index.html",
	"decimal-plan-cover/index.html",
	"decimal-plan-cover/att_1__toc/index.html",
	"notice/conclusions/index.html",
	"opinions-attachment/index.html",
	"joint-statement-unnumbered/index.html",
}

func TestShapePagesAreValidHTML(t *testing.T) {
	checker(t)
	site := testenv.BuildShapes(t, filepath.Join("..", ".."))
	dir := t.TempDir()
	var files []string
	for i, p := range shapePages {
		data, ok := site.Files[p]
		if !ok {
			t.Fatalf("no page %s", p)
		}
		f := filepath.Join(dir, fmt.Sprintf("%d.html", i))
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	for _, m := range validate(t, files...).Messages {
		t.Errorf("%s:%d: %s: %s (%q)", m.URL, m.LastLine, m.Type, m.Message, m.Extract)
	}
}

// TestCheckerFindsErrors proves the check can fail.
func TestCheckerFindsErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.html")
	os.WriteFile(bad, []byte(`<!doctype html><html lang="zh-Hans"><title>x</title><p id="a"><div></p></div><span id="a"></span>`), 0o644)
	if report := validate(t, bad); len(report.Messages) == 0 {
		t.Error("vnu reported nothing for a page with errors")
	}
}
