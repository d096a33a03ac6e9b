package browsertest

import (
	"fmt"
	"strings"
	"testing"
)

// The WCAG 2.0, 2.1 and 2.2 A and AA rules of axe-core.
const axeRun = `axe.run(document, {
	runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
	resultTypes: ["violations"],
}).then(r => r.violations.map(v => ({
	ID: v.id, Impact: v.impact, Help: v.help,
	Targets: v.nodes.map(n => n.target.flat(Infinity).join(" ") + (n.any.concat(n.all, n.none).map(c => " — " + c.message).join(""))),
})))`

type violation struct {
	ID, Impact, Help string
	Targets          []string
}

func (v violation) String() string {
	return fmt.Sprintf("%s (%s): %s\n\t\t%s", v.ID, v.Impact, v.Help, strings.Join(v.Targets, "\n\t\t"))
}

// Every page type passes axe-core's WCAG A and AA rules, in the light and the
// dark colour scheme, at 360 and 1280 px.
func TestAccessibility(t *testing.T) {
	needBrowser(t)
	axe := needAxe(t)
	pages := append(pageTypes[:len(pageTypes):len(pageTypes)],
		struct{ name, path string }{"document-at-clause", "/china-cuba-joint-statement-2025/#para_4"})
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			tb := openTab(t, looks[0], p.path)
			tb.eval(axe+"\n;undefined", nil)
			for _, v := range looks {
				tb.emulate(v)
				var violations []violation
				tb.eval(axeRun, &violations)
				for _, x := range violations {
					t.Errorf("%s at %v: %v", p.path, v, x)
				}
			}
		})
	}
}
