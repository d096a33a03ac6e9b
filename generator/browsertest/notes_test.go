package browsertest

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// notesPage is a document with editors' notes.
const notesPage = "/china-cuba-joint-statement-2025/"

// noteState is what TestEditorsNotes reads of a page.
type noteState struct {
	Markers, Notes int      // markers in the text; notes after or beside their blocks
	First          string   // the first marker's target
	Open           bool     // the first marker's note is open
	Shown          bool     // and its text has a size on the screen
	Margin         bool     // the notes stand beside the text
	Outside        []string // notes beside the text that overlap it or stand off the screen
	Overlaps       []string // notes beside the text that overlap each other
	Level          []string // notes beside the text not level with their block (nor just below the note above)
	CopiesOnlyText bool     // selecting the paragraph of the first marker copies no marker
}

const readNotes = `(() => {
	const markers = [...document.querySelectorAll("sup.nref a")], groups = [...document.querySelectorAll("div.ednotes")];
	const first = markers[0], target = first && document.getElementById(decodeURIComponent(first.hash.slice(1)));
	const s = {Markers: markers.length, Notes: document.querySelectorAll("details.ednote").length, First: first ? first.hash : "",
		Open: !!(target && target.closest("details") && target.closest("details").open),
		Shown: !!(target && target.checkVisibility() && target.getBoundingClientRect().height > 0),
		Margin: document.documentElement.classList.contains("margin-notes"), Outside: [], Overlaps: [], Level: []};
	const text = document.querySelector("main div[id] > p").getBoundingClientRect();
	let above = null;
	for (const g of groups) {
		const r = g.getBoundingClientRect(), owner = g.parentNode.id ? g.parentNode : g.previousElementSibling;
		if (!s.Margin) continue;
		if (r.left < text.right || r.right > document.documentElement.clientWidth) s.Outside.push(owner.id + " " + Math.round(r.left) + "–" + Math.round(r.right));
		if (above && r.top < above.bottom) s.Overlaps.push(owner.id);
		const top = owner.getBoundingClientRect().top;
		if (Math.abs(r.top - top) > 2 && !(above && Math.abs(r.top - above.bottom) < 20)) s.Level.push(owner.id + " " + Math.round(r.top) + " vs " + Math.round(top));
		above = r;
	}
	const p = first && first.closest("p");
	if (p) {
		const r = document.createRange();
		r.selectNodeContents(p);
		getSelection().removeAllRanges(); getSelection().addRange(r);
		const copied = getSelection().toString().replace(/\s+/g, "");
		const text = [...p.childNodes].filter(n => !(n.nodeType === 1 && n.matches("sup.nref, a.self, .tools"))).map(n => n.textContent).join("");
		s.CopiesOnlyText = copied === text.replace(/\s+/g, "");
		getSelection().removeAllRanges();
	}
	return s;
})()`

// TestEditorsNotes: a note's marker follows its phrase and leads to the
// note; on a phone the note is folded after its clause and opens in place,
// with or without JavaScript (by its summary, or by following the marker);
// at 1280 px the notes stand open in the margin, level with their
// clauses, clear of the text and of each other. Selecting a clause's
// text selects no marker.
func TestEditorsNotes(t *testing.T) {
	needBrowser(t)
	for _, js := range []bool{false, true} {
		t.Run(fmt.Sprintf("phone/javascript=%v", js), func(t *testing.T) {
			tb := newTab(t, phone)
			if !js {
				tb.disableScripts()
			}
			tb.open(notesPage)
			var s noteState
			tb.eval(readNotes, &s)
			if s.Markers == 0 || s.Notes != s.Markers {
				t.Fatalf("%d markers, %d notes after their blocks; want notes, one for each marker", s.Markers, s.Notes)
			}
			if s.Open || s.Shown || s.Margin {
				t.Errorf("the first note is open (%v), shown (%v) or beside the text (%v) before it is asked for", s.Open, s.Shown, s.Margin)
			}
			if !s.CopiesOnlyText {
				t.Errorf("selecting the text of %s's paragraph selects its marker", s.First)
			}
			// The note's summary opens it in place.
			tb.do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`details:has(> [id=%q]) > summary`, s.First[1:]))))
			tb.eval(readNotes, &s)
			if !s.Open || !s.Shown {
				t.Errorf("after a tap on its summary, the note %s is open %v, shown %v", s.First, s.Open, s.Shown)
			}
			// Following the marker opens its note too.
			tb.open(notesPage)
			tb.do(chromedp.Click(chromedp.CSS(`sup.nref a`)))
			tb.waitFor(`location.hash !== ""`)
			tb.eval(readNotes, &s)
			if !s.Open || !s.Shown {
				t.Errorf("after following its marker, the note %s is open %v, shown %v", s.First, s.Open, s.Shown)
			}
		})
	}
	t.Run("desktop", func(t *testing.T) {
		tb := openTab(t, desktop, notesPage)
		tb.waitFor(`document.documentElement.classList.contains("margin-notes")`)
		var s noteState
		tb.eval(readNotes, &s)
		if !s.Margin || !s.Open || !s.Shown {
			t.Fatalf("at 1280 px the notes are beside the text %v, the first open %v and shown %v", s.Margin, s.Open, s.Shown)
		}
		for what, bad := range map[string][]string{"over the text or off the screen": s.Outside, "over each other": s.Overlaps, "not level with their blocks": s.Level} {
			if len(bad) > 0 {
				t.Errorf("notes beside the text %s: %v", what, bad)
			}
		}
		// Narrowed to a phone's width, they fold after their blocks again.
		tb.emulate(phone)
		tb.waitFor(`!document.documentElement.classList.contains("margin-notes")`)
		tb.eval(readNotes, &s)
		if s.Margin || s.Open {
			t.Errorf("at 360 px the notes are still beside the text (%v) or open (%v)", s.Margin, s.Open)
		}
	})
}
