package annotate

import (
	"reflect"
	"strings"
	"testing"
)

func TestMatcherLeftmostLongest(t *testing.T) {
	m := NewMatcher([]string{"全球治理倡议", "全球治理体系", "一带一路", "命运共同体", "人类命运共同体"})
	text := "全球治理倡议有助于构建更加公正合理的全球治理体系，携手迈向人类命运共同体和中古命运共同体，共建“一带一路”"
	var got []string
	for _, h := range m.Find(text) {
		got = append(got, text[h.Start:h.End])
	}
	want := []string{"全球治理倡议", "全球治理体系", "人类命运共同体", "命运共同体", "一带一路"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("hits = %v, want %v", got, want)
	}
}

func TestMatcherNoTerms(t *testing.T) {
	if hits := NewMatcher(nil).Find("任何文本"); len(hits) != 0 {
		t.Errorf("hits = %v", hits)
	}
}

func FuzzMatcher(f *testing.F) {
	f.Add("一带一路", "共建“一带一路”倡议和一带一路")
	f.Add("全球治理", "全球治理体系和全球治理倡议")
	f.Add("a", "aaa")
	f.Fuzz(func(t *testing.T, term, text string) {
		m := NewMatcher([]string{term})
		end := 0
		for _, h := range m.Find(text) {
			if h.Start < end || text[h.Start:h.End] != term {
				t.Fatalf("bad hit %+v for %q in %q", h, term, text)
			}
			end = h.End
		}
		// Every non-overlapping occurrence, left to right, is found.
		if term != "" {
			if want := strings.Count(text, term); len(m.Find(text)) != want {
				t.Fatalf("found %d hits of %q in %q, strings.Count says %d", len(m.Find(text)), term, text, want)
			}
		}
	})
}
