package html

import (
	"statements/generator/i18n/i18ntest"
	"testing"

	"github.com/yuin/goldmark/testutil"
)

func TestAnchors(t *testing.T) {
	testutil.DoTestCaseFile(NewMarkdown(i18ntest.Words(t, "zh-Hans")), "testdata/anchors.txt", t, testutil.ParseCliCaseArg()...)
}

func TestSiteLinks(t *testing.T) {
	md := NewMarkdown(i18ntest.Words(t, "zh-Hans"))
	SiteLinks("/sub").Extend(md)
	testutil.DoTestCaseFile(md, "testdata/sitelinks.txt", t, testutil.ParseCliCaseArg()...)
}

func TestNames(t *testing.T) {
	testutil.DoTestCaseFile(NewMarkdown(i18ntest.Words(t, "zh-Hans")), "testdata/names.txt", t, testutil.ParseCliCaseArg()...)
}
