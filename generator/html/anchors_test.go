package html

import (
	"testing"

	"github.com/yuin/goldmark/testutil"
)

func TestAnchors(t *testing.T) {
	testutil.DoTestCaseFile(NewMarkdown(), "testdata/anchors.txt", t, testutil.ParseCliCaseArg()...)
}
