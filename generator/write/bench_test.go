package write_test

import (
	"os"
	"path/filepath"
	"testing"

	"statements/generator/synth/synthtest"
	"statements/generator/write"
)

// BenchmarkWrite writes a built site into a new directory: every file is written.
func BenchmarkWrite(b *testing.B) {
	out := filepath.Join(b.TempDir(), "public")
	synthtest.Stage(b, "../..", synthtest.RunStages, "output-B", func(b *testing.B, st *synthtest.Stages) int {
		b.StopTimer()
		if err := os.RemoveAll(out); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		return sync(b, out, st.Files, len(st.Files))
	})
}

// BenchmarkWriteUnchanged writes the same site again: every file is compared
// and hard-linked, none written.
func BenchmarkWriteUnchanged(b *testing.B) {
	var out string
	written := func(tb testing.TB, s synthtest.Site) *synthtest.Stages {
		st := synthtest.RunStages(tb, s)
		out = filepath.Join(tb.TempDir(), "public")
		sync(tb, out, st.Files, len(st.Files))
		return st
	}
	synthtest.Stage(b, "../..", written, "output-B", func(b *testing.B, st *synthtest.Stages) int {
		return sync(b, out, st.Files, 0)
	})
}

// sync writes files into dir, failing unless it wrote as many files as
// expected, and gives their total size.
func sync(tb testing.TB, dir string, files map[string][]byte, expected int) int {
	st, err := write.Sync(dir, files, write.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	if st.Written != expected {
		tb.Fatalf("%d files written, want %d", st.Written, expected)
	}
	return synthtest.Size(files)
}
