package browsertest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// allowClipboard lets the pages of the test server read and write the
// clipboard without asking (the permissions that browser.grantPermissions
// called clipboardReadWrite and clipboardSanitizedWrite).
func (tb *tab) allowClipboard() {
	tb.t.Helper()
	for _, p := range []*browser.PermissionDescriptor{
		{Name: "clipboard-read"},
		{Name: "clipboard-write"},
		{Name: "clipboard-write", AllowWithoutSanitization: true},
	} {
		_, err := chromedp.CallBrowser(tb.ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: p, Setting: browser.PermissionSettingGranted, Origin: origin,
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

// The copy buttons of a clause put its link or a citation on the clipboard,
// by mouse and by keyboard, and say so to screen readers.
func TestCopy(t *testing.T) {
	needBrowser(t)
	permalink := origin + "/china-cuba-joint-statement-2025/para_4/"
	const titleEn = "Joint Statement between the People's Republic of China and the Republic of Cuba"
	for _, page := range []string{"/china-cuba-joint-statement-2025/", "/china-cuba-joint-statement-2025/para_4/"} {
		t.Run(page, func(t *testing.T) {
			tb := newTab(t, desktop)
			tb.allowClipboard()
			tb.open(page)
			var live string
			tb.eval(`(s => s ? s.getAttribute("aria-live") : "none")(document.querySelector("[role=status]"))`, &live)
			if live != "polite" {
				t.Fatalf("status region [role=status] aria-live = %q, want polite", live)
			}
			zh := "《中华人民共和国和古巴共和国关于加快构建中古命运共同体的联合声明》四，2025年9月4日，" + permalink
			for _, c := range []struct {
				kind, status string
				ok           func(string) bool
				want         string // for the message
			}{
				{"link", "已复制本段链接", equals(permalink), permalink},
				{"zh", "已复制中文引用", equals(zh), zh},
				{"en", "English citation copied", func(s string) bool {
					return strings.HasPrefix(s, titleEn) && strings.Contains(s, "4 September 2025") &&
						strings.Contains(s, ", 四, ") && strings.HasSuffix(s, ", "+permalink)
				}, titleEn + " …, 4 September 2025, 四, " + permalink},
			} {
				button := fmt.Sprintf(`#para_4 button.copy[data-copy=%s]`, c.kind)
				tb.resetClipboard()
				tb.do(chromedp.Click(chromedp.CSS(button)))
				clip, status := tb.copied()
				if !c.ok(clip) {
					t.Errorf("click %s: clipboard %q, want %q", button, clip, c.want)
				}
				if status != c.status {
					t.Errorf("click %s: status %q, want %q", button, status, c.status)
				}
			}

			// Keyboard: Tab to the button (focus), Enter.
			button := `#para_4 button.copy[data-copy=link]`
			tb.resetClipboard()
			tb.eval(fmt.Sprintf(`document.querySelector(%q).focus()`, button), nil)
			var focused bool
			tb.eval(fmt.Sprintf(`document.activeElement === document.querySelector(%q)`, button), &focused)
			if !focused {
				t.Fatalf("%s cannot take the focus", button)
			}
			tb.do(chromedp.KeyEvent("\r"))
			if clip, status := tb.copied(); clip != permalink || status != "已复制本段链接" {
				t.Errorf("Enter on %s: clipboard %q, status %q; want %q, %q", button, clip, status, permalink, "已复制本段链接")
			}
		})
	}
}

func equals(want string) func(string) bool {
	return func(s string) bool { return s == want }
}
