package grammar

import (
	"strings"
	"testing"
)

func TestTitles(t *testing.T) {
	for text, want := range map[string]string{
		"《甲》和《乙》": "甲|乙",
		"《甲《乙》":   "乙",
		"《甲〈乙〉丙》": "甲〈乙〉丙",
		"无书名号":    "",
		"《未闭合":    "",
		"》《甲》":    "甲",
	} {
		var got []string
		for _, s := range Titles(text) {
			got = append(got, text[s[0]:s[1]])
		}
		if strings.Join(got, "|") != want {
			t.Errorf("Titles(%q) = %q, want %q", text, got, want)
		}
	}
}
