package editorial

import (
	"fmt"
	"strings"
	"testing"

	"statements/generator/load"
	"statements/generator/structure"
)

// document builds a document of one paragraph per line.
func document(t *testing.T, slug, title, text string) *structure.Document {
	t.Helper()
	ld := &load.Document{File: "content/documents/" + slug + ".md", Slug: slug, Title: title}
	for i, p := range strings.Split(strings.TrimSpace(text), "\n") {
		ld.Paragraphs = append(ld.Paragraphs, load.Paragraph{Text: p, Line: 10 + i})
	}
	d, err := structure.Build(ld)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

const statement = `双方回顾了建交以来的合作。
一、双方同意加强合作，落实《甲乙合作协定》。
二、双方同意扩大贸易，合作共赢，合作共赢。
三、双方同意办好文化年。`

func notes(slug string, ns ...load.Note) []*load.NoteFile {
	for i := range ns {
		ns[i].Line = 4 + 4*i
		ns[i].Texts = []load.NoteText{{Body: fmt.Sprintf("注%d。", i+1)}}
	}
	return []*load.NoteFile{{File: "content/notes/" + slug + ".md", Slug: slug, Notes: ns}}
}

func TestNotesArePlacedAndNumbered(t *testing.T) {
	d := document(t, "s", "甲乙声明", statement)
	got, err := Notes([]*structure.Document{d}, notes("s",
		load.Note{EID: "para_2"},
		load.Note{EID: "para_1", Phrase: "《甲乙合作协定》"},
		load.Note{EID: "para_1", Phrase: "加强合作"},
		load.Note{EID: "preamble__p_1", Phrase: "建交"},
	))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, n := range got["s"] {
		p := n.Block.Paragraphs[n.Paragraph].Text
		lines = append(lines, fmt.Sprintf("%d %s %q|%s", n.Number, n.ID, p[n.Start:n.End], p[n.End:]))
	}
	want := []string{
		`1 preamble__p_1__note_1 "建交"|以来的合作。`,
		`2 para_1__note_1 "加强合作"|，落实《甲乙合作协定》。`,
		`3 para_1__note_2 "《甲乙合作协定》"|。`,
		`4 para_2__note_1 ""|`,
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("notes:\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

func TestNoteErrors(t *testing.T) {
	d := document(t, "s", "甲乙声明", statement)
	tests := []struct {
		name string
		note load.Note
		want string
	}{
		{"no such block", load.Note{EID: "para_9"}, "content/notes/s.md:4: content/documents/s.md has no block {#para_9}"},
		{"phrase not in the block", load.Note{EID: "para_1", Phrase: "扩大贸易"}, `content/notes/s.md:4: "扩大贸易" does not occur in {#para_1} (一): quote the phrase exactly as the text has it now`},
		{"phrase twice", load.Note{EID: "para_2", Phrase: "合作共赢"}, `content/notes/s.md:4: "合作共赢" occurs 2 times in {#para_2} (二): quote more of the text around it`},
		{"phrase across paragraphs", load.Note{EID: "para_1", Phrase: "合作。二、"}, `does not occur in {#para_1}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Notes([]*structure.Document{d}, notes("s", tt.note))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v\nwant containing %q", err, tt.want)
			}
		})
	}
	// Every wrong note is reported, each at its line.
	_, err := Notes([]*structure.Document{d}, notes("s", load.Note{EID: "x"}, load.Note{EID: "y"}))
	if err == nil || !strings.Contains(err.Error(), "s.md:4:") || !strings.Contains(err.Error(), "s.md:8:") {
		t.Errorf("error = %v, want both notes' lines", err)
	}
}

func TestReferences(t *testing.T) {
	a := document(t, "a", "甲乙声明", "一、双方回顾《甲乙合作协定》和《甲乙声明》。\n二、本《丙丁协定》及《甲乙合作协定》。")
	b := document(t, "b", "甲乙合作协定", "一、根据《甲乙声明》〈附件〉和《甲乙合作协定》。")
	refs := References([]*structure.Document{a, b})
	var got []string
	for _, d := range []*structure.Document{a, b} {
		for i, rs := range refs[d.Slug] {
			for _, r := range rs {
				got = append(got, fmt.Sprintf("%s %s %s→%s", d.Slug, d.Blocks[i].EID, d.Blocks[i].Paragraphs[r.Paragraph].Text[r.Start:r.End], r.Slug))
			}
		}
	}
	want := []string{"a para_1 甲乙合作协定→b", "a para_2 甲乙合作协定→b", "b para_1 甲乙声明→a"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("references:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
