package browsertest

import (
	"testing"

	"github.com/chromedp/cdproto/emulation"
)

// paragraphStyle is what the reading typography is made of, as computed for
// a clause's paragraph.
type paragraphStyle struct {
	FontSize, LineHeight, Width, Indent float64
	WebFonts                            int
	Background                          string
}

const measureParagraph = `(() => {
	const p = document.querySelector("#para_4 p, #part_1__para_5 p"), s = getComputedStyle(p);
	return {FontSize: parseFloat(s.fontSize), LineHeight: parseFloat(s.lineHeight), Width: p.getBoundingClientRect().width,
		Indent: parseFloat(s.textIndent), WebFonts: document.fonts.size, Background: getComputedStyle(document.body).backgroundColor};
})()`

// TestTypography: W3C clreq for the documents — line height 1.5 to 2 times
// the character size, lines of at most about 40 characters on a wide screen,
// a two-character first-line indent — with system fonts only, and a dark
// scheme that follows the reader's setting.
func TestTypography(t *testing.T) {
	styles := map[string]paragraphStyle{}
	for _, v := range []viewport{{1280, 900, false, "light"}, {1280, 900, false, "dark"}, {360, 740, true, "light"}} {
		tb := openTab(t, v, "/china-cuba-joint-statement-2025/")
		var s paragraphStyle
		tb.eval(measureParagraph, &s)
		styles[v.String()] = s
		if r := s.LineHeight / s.FontSize; r < 1.5 || r > 2 {
			t.Errorf("%s: line height %.2f times the character size, want 1.5 to 2", v, r)
		}
		if chars := s.Width / s.FontSize; chars > 41 {
			t.Errorf("%s: lines hold %.0f characters, want at most about 40", v, chars)
		}
		if s.Indent != 2*s.FontSize {
			t.Errorf("%s: first-line indent %.1fpx, want two characters (%.1fpx)", v, s.Indent, 2*s.FontSize)
		}
		if s.WebFonts != 0 {
			t.Errorf("%s: %d web fonts; the site uses system fonts only", v, s.WebFonts)
		}
	}
	if styles["1280x900-light"].Background == styles["1280x900-dark"].Background {
		t.Error("the dark colour scheme has the light background")
	}
}

// TestQuotesInSansText: Chinese quotation marks in the sans-serif text (a
// clause's theme note, the home page's lists) take the CJK font's full-width
// glyphs, not a Latin font's narrow ones: the CJK fonts come first in the
// sans stack, before system-ui (clreq §3.1.6: punctuation of the CJK font).
func TestQuotesInSansText(t *testing.T) {
	needBrowser(t)
	for _, path := range []string{"/china-pakistan-action-plan-2025-2029/", "/"} {
		tb := openTab(t, desktop, path)
		var got struct{ Width, FontSize float64 }
		tb.eval(`(() => {
			const host = document.querySelector("p.note") || document.querySelector("main li"), q = document.createElement("span");
			q.textContent = "“";
			host.append("字", q, "字"); // between characters: next to other punctuation (）“) CSS text-spacing-trim halves it
			return {Width: q.getBoundingClientRect().width, FontSize: parseFloat(getComputedStyle(q).fontSize)};
		})()`, &got)
		if got.Width < 0.8*got.FontSize {
			t.Errorf("%s: “ is %.1f px wide in sans text of %.1f px: a Latin glyph, not the CJK font's", path, got.Width, got.FontSize)
		}
	}
}

// TestQuotesInEnglishText: English on a Chinese page (a theme note's
// English paragraph, the English citation) sets “ and ’ in a Latin font, not
// as the CJK fonts' full-width glyphs (People’ s).
func TestQuotesInEnglishText(t *testing.T) {
	needBrowser(t)
	for _, probe := range []struct{ path, selector string }{
		{"/themes/un-resolution-2758/", `.annotation p[lang="en"]`},
		{"/china-cuba-joint-statement-2025/para_4/", `p.cite-en`},
	} {
		tb := openTab(t, desktop, probe.path)
		var got struct{ Width, FontSize float64 }
		tb.eval(`(() => {
			const host = document.querySelector(`+jsString(probe.selector)+`), q = document.createElement("span");
			q.textContent = "“";
			host.append("a", q, "b");
			return {Width: q.getBoundingClientRect().width, FontSize: parseFloat(getComputedStyle(q).fontSize)};
		})()`, &got)
		if got.Width > 0.6*got.FontSize {
			t.Errorf("%s %s: “ is %.1f px wide in English text of %.1f px: the CJK font's full-width glyph", probe.path, probe.selector, got.Width, got.FontSize)
		}
	}
}

// TestPrint: printed, a document keeps its text and clause numbers, drops
// the site's controls, and ends with the page's address.
func TestPrint(t *testing.T) {
	tb := openTab(t, desktop, "/china-cuba-joint-statement-2025/")
	send(tb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	tb.eval(`dispatchEvent(new Event("beforeprint")), true`, nil)
	var got struct {
		Hidden   []string
		Clause   string
		URL      string
		Location string
	}
	tb.eval(`(() => {
		const shown = sel => [...document.querySelectorAll(sel)].some(e => getComputedStyle(e).display !== "none");
		return {
			Hidden: ["header.site", "nav.crumbs", "nav.toc", "a.self", ".tools", "footer.site"].filter(sel => !shown(sel)),
			Clause: document.querySelector("#para_4 p").textContent.slice(0, 2),
			URL: (e => e && getComputedStyle(e).display !== "none" ? e.textContent : "")(document.querySelector(".print-url")),
			Location: location.href,
		};
	})()`, &got)
	if len(got.Hidden) != 6 {
		t.Errorf("printed, only %v of the site's controls are hidden", got.Hidden)
	}
	if got.Clause != "四、" {
		t.Errorf("printed clause starts %q, want its number 四、", got.Clause)
	}
	if got.URL != got.Location {
		t.Errorf("printed page ends with %q, want its address %q", got.URL, got.Location)
	}
}
