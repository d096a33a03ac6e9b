// Package build runs the generator's stages in order and gives the whole site in memory.
//
//	load → structure → annotate → markdown → html (+ export, feeds, static) → linkcheck → files
//
// It takes the content, layouts and static trees as fs.FS values, so tests
// build from testing/fstest.MapFS, and gives a Site: every output file by
// path. Writing the files to disk is package write's job; nothing here
// touches the file system beyond reading.
package build
