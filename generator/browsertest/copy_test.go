package browsertest

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"statements/generator/cite"
	"statements/generator/internal/testenv"
	content "statements/generator/load"
	"statements/generator/markdown"
	"statements/generator/siteurl"
	"statements/generator/structure"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// allowClipboard lets the pages of the test server read and write the
// clipboard without asking (the permissions that browser.grantPermissions
// called clipboardReadWrite and clipboardSanitizedWrite).
func (tb *tab) allowClipboard() { tb.allowClipboardAt(origin) }

// allowClipboardAt lets the pages of the server at o use the clipboard.
func (tb *tab) allowClipboardAt(o string) {
	tb.t.Helper()
	for _, p := range []*browser.PermissionDescriptor{
		{Name: "clipboard-read"},
		{Name: "clipboard-write"},
		{Name: "clipboard-write", AllowWithoutSanitization: true},
	} {
		_, err := chromedp.CallBrowser(tb.ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: p, Setting: browser.PermissionSettingGranted, Origin: o,
		})
		if err != nil {
			tb.t.Fatalf("granting %s: %v", p.Name, err)
		}
	}
}

const sentinel = "(nothing copied yet)"

// resetClipboard puts the sentinel on the clipboard and empties the status line.
func (tb *tab) resetClipboard() {
	tb.t.Helper()
	tb.eval(`navigator.clipboard.writeText(`+fmt.Sprintf("%q", sentinel)+`).then(() => {
		const s = document.querySelector("[role=status]");
		if (s) s.textContent = "";
	})`, nil)
}

// copied waits until the clipboard holds something else than the sentinel
// and the status line says something, and gives both.
func (tb *tab) copied() (clip, status string) {
	tb.t.Helper()
	tb.waitFor(`(async () => (await navigator.clipboard.readText()) !== ` + fmt.Sprintf("%q", sentinel) + `)()`)
	tb.waitFor(`document.querySelector("[role=status]").textContent !== ""`)
	tb.eval(`navigator.clipboard.readText()`, &clip)
	tb.eval(`document.querySelector("[role=status]").textContent`, &status)
	return clip, status
}

// citations are a block's citations (or with no eid the document's) as
// package cite writes them, at the test server's address and with today's
// date as the date accessed: what the copy buttons must put on the
// clipboard. paragraph > 0 cites that further paragraph of the block.
func citations(t *testing.T, slug, eid string, paragraph int) (url, en, zh string) {
	t.Helper()
	return citationsIn(t, filepath.Join("..", "..", "content"), origin, slug, eid, paragraph)
}

// citationsIn is citations for the content tree root served at o.
func citationsIn(t *testing.T, root, o, slug, eid string, paragraph int) (url, en, zh string) {
	t.Helper()
	c, err := content.Load(os.DirFS(root), "content")
	if err != nil {
		t.Fatal(err)
	}
	for _, ld := range c.Documents {
		if ld.Slug != slug {
			continue
		}
		d, err := structure.Build(ld)
		if err != nil {
			t.Fatal(err)
		}
		base, err := siteurl.Parse(o + "/")
		if err != nil {
			t.Fatal(err)
		}
		w := cite.Document(base, d)
		b := d.Block(eid)
		if eid != "" {
			w = cite.Block(base, d, b)
		}
		if paragraph > 0 {
			w.Locator = b.ParagraphLocator(paragraph)
			w.URL = base.Abs(markdown.DocumentPath(d) + "#" + b.Paragraphs[paragraph].ID)
		}
		now := time.Now()
		return w.URL, cite.English(w, cite.EnglishDate(now)), cite.Chinese(w, cite.ChineseDate(now))
	}
	t.Fatalf("no document %s", slug)
	return
}

// The copy buttons of a clause, and of a clause's further paragraph, put
// its link or a citation on the clipboard, by mouse and by keyboard, and
// say so to screen readers.
func TestCopy(t *testing.T) {
	needBrowser(t)
	cases := []struct {
		page, block, eid string
		paragraph        int
	}{
		{"/china-cuba-joint-statement-2025/", "#para_4", "para_4", 0},
		{"/china-cuba-joint-statement-2025/para_4/", "#para_4", "para_4", 0},
		{"/china-pakistan-action-plan-2025-2029/", "#part_7__para_2__p_2", "part_7__para_2", 1},
		{"/china-pakistan-action-plan-2025-2029/part_7__para_2/", "#part_7__para_2__p_2", "part_7__para_2", 1},
		{"/china-pakistan-action-plan-2025-2029/part_7__para_2/", "#part_7__para_2", "part_7__para_2", 0},
		{"/china-cuba-joint-statement-2025/", "#preamble__p_3", "preamble__p_3", 0},
		{"/china-cuba-joint-statement-2025/", "#conclusions", "conclusions", 0},
		{"/china-pakistan-action-plan-2025-2029/", "#part_2__intro", "part_2__intro", 0},
		{"/china-pakistan-action-plan-2025-2029/", "#part_1__para_5", "part_1__para_5", 0},
	}
	for _, c := range cases {
		slug := strings.Split(c.page, "/")[1]
		permalink, en, zh := citations(t, slug, c.eid, c.paragraph)
		t.Run(c.page+c.block, func(t *testing.T) { checkCopy(t, origin, c.page, c.block, permalink, en, zh) })
	}
}

// Blocks of the other numbering families and shapes are cited with their
// own locators: articles with their paragraphs and items, decimal
// sections, attachments, texts without numbers.
func TestCopyShapes(t *testing.T) {
	needBrowser(t)
	shapes := serveShapes(t)
	root := filepath.Join("..", "..", testenv.ShapesContent)
	for _, c := range []struct{ slug, eid string }{
		{"regulation-order", "att_1__art_4__point_2__point_1"},
		{"regulation-order", "att_1__art_2__para_2"},
		{"decimal-plan-cover", "att_1__sec_2-1-2"},
		{"joint-statement-unnumbered", "para_4"},
		{"notice", "part_2__para_2"},
	} {
		permalink, en, zh := citationsIn(t, root, shapes, c.slug, c.eid, 0)
		page := "/" + c.slug + "/" + c.eid + "/"
		t.Run(page, func(t *testing.T) { checkCopy(t, shapes, page, "#"+c.eid, permalink, en, zh) })
	}
}

// checkCopy clicks the copy buttons of the block (a CSS selector) on the
// page at o+page, and checks what each puts on the clipboard and says.
func checkCopy(t *testing.T, o, page, block, permalink, en, zh string) {
	tb := newTab(t, desktop)
	tb.allowClipboardAt(o)
	tb.openAt(o, page)
	var live string
	tb.eval(`(s => s ? s.getAttribute("aria-live") : "none")(document.querySelector("[role=status]"))`, &live)
	if live != "polite" {
		t.Fatalf("status region [role=status] aria-live = %q, want polite", live)
	}
	for _, k := range []struct{ kind, status, want string }{
		{"link", "已复制本段链接", permalink},
		{"zh", "已复制中文引用（GB/T 7714）", zh},
		{"en", "English citation copied", en},
	} {
		button := fmt.Sprintf(`%s .tools button.copy[data-copy=%s]`, block, k.kind)
		tb.resetClipboard()
		tb.eval(fmt.Sprintf(`(m => { if (m.hidden) m.previousElementSibling.click(); return true; })(document.querySelector(%q))`, block+" .tools"), nil)
		tb.do(chromedp.Click(chromedp.CSS(button)))
		clip, status := tb.copied()
		if clip != k.want {
			t.Errorf("click %s: clipboard\n%q\nwant\n%q", button, clip, k.want)
		}
		if status != k.status {
			t.Errorf("click %s: status %q, want %q", button, status, k.status)
		}
	}

	// Keyboard: Tab to the button (focus), Enter; in a document, Tab to
	// the block's ¶, Enter opens its menu on the first button, Enter.
	button := block + ` .tools button.copy[data-copy=link]`
	var menu bool
	tb.eval(fmt.Sprintf(`document.querySelector(%q).getAttribute("role") === "menu"`, block+" .tools"), &menu)
	if menu {
		tb.eval(fmt.Sprintf(`document.querySelector(%q).previousElementSibling.focus()`, block+" .tools"), nil)
		tb.pressEnter()
	} else {
		tb.eval(fmt.Sprintf(`document.querySelector(%q).focus()`, button), nil)
	}
	tb.resetClipboard()
	var focused bool
	tb.eval(fmt.Sprintf(`document.activeElement === document.querySelector(%q)`, button), &focused)
	if !focused {
		t.Fatalf("%s does not have the focus", button)
	}
	tb.pressEnter()
	if clip, status := tb.copied(); clip != permalink || status != "已复制本段链接" {
		t.Errorf("Enter on %s: clipboard %q, status %q; want %q, %q", button, clip, status, permalink, "已复制本段链接")
	}
}

// The citation box of a document's or a clause's page shows its citations
// at the page's address, dated today, and copies them.
func TestCopyOwnCitation(t *testing.T) {
	needBrowser(t)
	_, clauseEn, clauseZh := citations(t, "china-cuba-joint-statement-2025", "para_4", 0)
	_, docEn, docZh := citations(t, "china-cuba-joint-statement-2025", "", 0)
	for _, c := range []struct{ page, en, zh string }{
		{"/china-cuba-joint-statement-2025/para_4/", clauseEn, clauseZh},
		{"/china-cuba-joint-statement-2025/", docEn, docZh},
	} {
		t.Run(c.page, func(t *testing.T) {
			tb := newTab(t, desktop)
			tb.allowClipboard()
			tb.open(c.page)
			for _, k := range []struct{ sel, status, want string }{
				{".cite-zh", "已复制中文引用（GB/T 7714）", c.zh},
				{".cite-en", "English citation copied", c.en},
			} {
				var shown string
				tb.eval(fmt.Sprintf(`document.querySelector(%q).textContent`, k.sel), &shown)
				if shown != k.want {
					t.Errorf("%s shows\n%q\nwant\n%q", k.sel, shown, k.want)
				}
				tb.resetClipboard()
				tb.do(chromedp.Click(chromedp.CSS(k.sel + " + button.copy")))
				if clip, status := tb.copied(); clip != k.want || status != k.status {
					t.Errorf("copy %s: clipboard %q, status %q; want %q, %q", k.sel, clip, status, k.want, k.status)
				}
			}
		})
	}
}

// A link to a long selection is a short text fragment (start,end), which
// still brings the passage into view.
func TestCopySelectionLink(t *testing.T) {
	needBrowser(t)
	tb := newTab(t, desktop)
	tb.allowClipboard()
	tb.open("/china-cuba-joint-statement-2025/")
	// Select the whole text of clause 四 (a paragraph of some 170 characters).
	tb.eval(`(() => {
		const p = document.querySelector("#para_4 p");
		const r = document.createRange();
		r.selectNodeContents(p);
		const s = getSelection(); s.removeAllRanges(); s.addRange(r);
	})()`, nil)
	tb.resetClipboard()
	tb.eval(`document.querySelector("#para_4 .tools button.copy[data-copy=link]").click()`, nil)
	clip, status := tb.copied()
	if status != "已复制指向所选文字的链接" {
		t.Errorf("status %q", status)
	}
	if !strings.HasPrefix(clip, origin+"/china-cuba-joint-statement-2025/#para_4:~:text=") || len(clip) > 400 || !strings.Contains(clip, ",") {
		t.Fatalf("link to the selection: %q (%d bytes); want a short start,end text fragment", clip, len(clip))
	}
	fragment, err := url.PathUnescape(clip[strings.Index(clip, ":~:text=")+len(":~:text="):])
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(fragment, ",")
	if len(parts) != 2 || !strings.HasPrefix(parts[0], "四、古方重申") || !strings.HasSuffix(parts[1], "不容质疑和挑战。") {
		t.Errorf("text fragment %q: want the clause's first and last words", fragment)
	}
	// Followed, it brings the clause into view.
	tb2 := newTab(t, desktop)
	tb2.openAt("", clip)
	if !tb2.waitFor(`document.querySelector("#para_4").getBoundingClientRect().top < innerHeight && document.querySelector("#para_4").getBoundingClientRect().bottom > 0`) {
		t.Error("following the link did not bring clause 四 into view")
	}
}

func equals(want string) func(string) bool {
	return func(s string) bool { return s == want }
}
