package i18n

import (
	"encoding/json"
)

// ScriptPath is the site path of the file that gives the scripts the
// wording of the language lang.
func ScriptPath(lang string) string { return "/strings/" + lang + ".js" }

// ScriptFile is that file: it sets window.siteWords to the wording of
// site.js (Script) and of search.js (SearchScript). Pages load it before
// the scripts, so that no page carries the wording itself.
func (s *Strings) ScriptFile() []byte {
	words, err := json.Marshal(struct {
		Script map[string]string `json:"site"`
		Search map[string]string `json:"search"`
	}{s.Script, s.SearchScript})
	if err != nil {
		panic(err) // maps of strings always marshal
	}
	return append(append([]byte("window.siteWords = "), words...), ";\n"...)
}
