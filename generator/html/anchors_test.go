package html

import (
	"testing"

	"github.com/yuin/goldmark/testutil"
)

func TestAnchors(t *testing.T) {
	testutil.DoTestCaseFile(NewMarkdown(), "testdata/anchors.txt", t, testutil.ParseCliCaseArg()...)
}

func TestSiteLinks(t *testing.T) {
	md := NewMarkdown()
	SiteLinks("/sub").Extend(md)
	testutil.DoTestCaseFile(md, "testdata/sitelinks.txt", t, testutil.ParseCliCaseArg()...)
}

func TestNames(t *testing.T) {
	testutil.DoTestCaseFile(NewMarkdown(), "testdata/names.txt", t, testutil.ParseCliCaseArg()...)
}
