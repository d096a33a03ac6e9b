package siteurl

import "testing"

func TestEdition(t *testing.T) {
	for _, tc := range []struct {
		base, lang, path, want, rebased string
	}{
		{"/", "", "/x/#para_4", "/x/#para_4", "/x/#para_4"},
		{"/", "en", "/x/#para_4", "/en/x/#para_4", "/en/x/#para_4"},
		{"/", "en", "/", "/en/", "/en/"},
		{"/", "en", "/site.css", "/site.css", "/site.css"},
		{"/", "en", "/data/x.json", "/data/x.json", "/data/x.json"},
		{"/", "en", "/search/?q=a", "/en/search/?q=a", "/en/search/?q=a"},
		{"/sub/", "en", "/x/", "/sub/en/x/", "/sub/en/x/"},
		{"/sub/", "en", "/data/x.json", "/sub/data/x.json", "/sub/data/x.json"},
		{"https://h.org/sub/", "en", "/x/", "https://h.org/sub/en/x/", "/sub/en/x/"},
	} {
		b, err := Parse(tc.base)
		if err != nil {
			t.Fatal(err)
		}
		b = b.Edition(tc.lang)
		if got := b.Abs(tc.path); got != tc.want {
			t.Errorf("%s %s Abs(%s) = %s, want %s", tc.base, tc.lang, tc.path, got, tc.want)
		}
		// Rebase gives an editor's site path its base, once.
		if got := b.Rebase(tc.path); got != tc.rebased {
			t.Errorf("%s %s Rebase(%s) = %s, want %s", tc.base, tc.lang, tc.path, got, tc.rebased)
		}
		if got := b.Rebase(tc.rebased); got != tc.rebased {
			t.Errorf("%s %s Rebase(%s) = %s: rebased twice", tc.base, tc.lang, tc.rebased, got)
		}
	}
	b, _ := Parse("/")
	if b.Edition("en").Dir() != "en/" || b.Dir() != "" {
		t.Error("Dir")
	}
}
