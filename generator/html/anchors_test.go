package html

import (
	"statements/generator/i18n/i18ntest"
	"statements/generator/siteurl"
	"testing"

	"github.com/yuin/goldmark/testutil"
)

func TestAnchors(t *testing.T) {
	testutil.DoTestCaseFile(NewMarkdown(i18ntest.Words(t, "zh-Hans")), "testdata/anchors.txt", t, testutil.ParseCliCaseArg()...)
}

func TestSiteLinks(t *testing.T) {
	md := NewMarkdown(i18ntest.Words(t, "zh-Hans"))
	SiteLinks(mustBase(t, "/sub/")).Extend(md)
	testutil.DoTestCaseFile(md, "testdata/sitelinks.txt", t, testutil.ParseCliCaseArg()...)
}

func TestNames(t *testing.T) {
	testutil.DoTestCaseFile(NewMarkdown(i18ntest.Words(t, "zh-Hans")), "testdata/names.txt", t, testutil.ParseCliCaseArg()...)
}

func mustBase(t *testing.T, raw string) siteurl.Base {
	t.Helper()
	b, err := siteurl.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestQuoted(t *testing.T) {
	md := NewMarkdown(i18ntest.Words(t, "zh-Hans"))
	Quoted("zh-Hans").Extend(md)
	testutil.DoTestCaseFile(md, "testdata/quoted.txt", t, testutil.ParseCliCaseArg()...)
}
