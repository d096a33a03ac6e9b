package load

import (
	"reflect"
	"strings"
	"testing"
)

const goodNotes = `---
---

{#preamble "序言第一段"}

中文注释，[来源](https://example.org/a)。

第二段
接着写。

{en}

English note ([source](https://example.org/a)).

{#para_1}

整条的注。
`

func TestLoadNotes(t *testing.T) {
	c, err := load(t, map[string]string{"documents/a.md": goodDoc, "notes/a.md": goodNotes})
	if err != nil {
		t.Fatal(err)
	}
	want := []*NoteFile{{File: "content/notes/a.md", Slug: "a", Notes: []Note{
		{EID: "preamble", Phrase: "序言第一段", Line: 4, Texts: []NoteText{
			{Body: "中文注释，[来源](https://example.org/a)。\n\n第二段\n接着写。", Line: 6},
			{Lang: "en", Body: "English note ([source](https://example.org/a)).", Line: 13},
		}},
		{EID: "para_1", Line: 15, Texts: []NoteText{{Body: "整条的注。", Line: 17}}},
	}}}
	if !reflect.DeepEqual(c.Notes, want) {
		t.Errorf("notes =\n%+v\nwant\n%+v", c.Notes[0].Notes, want[0].Notes)
	}
}

func TestLoadNotesErrors(t *testing.T) {
	replace := func(old, new string) string { return strings.Replace(goodNotes, old, new, 1) }
	tests := []struct{ name, file, data, want string }{
		{"no document", "notes/b.md", goodNotes, "content/notes/b.md: no document content/documents/b.md for these notes"},
		{"text before the first note", "notes/a.md", replace("{#preamble", "前言。\n\n{#preamble"), "content/notes/a.md:4: text before the first note"},
		{"a note without text", "notes/a.md", replace("整条的注。\n", ""), "content/notes/a.md:15: {#para_1} has no text"},
		{"a language without text", "notes/a.md", replace("English note ([source](https://example.org/a)).\n", ""), "content/notes/a.md:11: {en} has no text"},
		{"a language twice", "notes/a.md", replace("{#para_1}", "{en}\n\nAgain.\n\n{#para_1}"), "content/notes/a.md:15: {en} is given twice in the note of line 4"},
		{"an empty phrase", "notes/a.md", replace(`{#preamble "序言第一段"}`, `{#preamble ""}`), "content/notes/a.md:4: {#preamble \"\"}: the phrase is empty"},
		{"a malformed opening", "notes/a.md", replace(`{#preamble "序言第一段"}`, `{#preamble 序言第一段}`), "content/notes/a.md:4: {#preamble 序言第一段}: a note opens with {#id}"},
		{"a link that is not allowed", "notes/a.md", replace("https://example.org/a)。", "javascript:alert(1))。"), "content/notes/a.md:6:"},
		{"front matter with a field", "notes/a.md", replace("---\n---", "---\ntitle: 注\n---"), "content/notes/a.md:2: unknown front matter field \"title\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, map[string]string{"documents/a.md": goodDoc, tt.file: tt.data})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v\nwant containing %q", err, tt.want)
			}
		})
	}
}
