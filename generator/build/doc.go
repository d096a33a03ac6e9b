// Package build runs the generator's stages in order.
//
//	load → structure → annotate → markdown → html (+ export, feeds, static) → linkcheck → files
//
// It takes the content, layouts and static trees as fs.FS values, so tests
// build from testing/fstest.MapFS. Build (and a Builder, which reuses the
// HTML of pages whose inputs did not change, for the development server)
// gives a Site with every output file in memory. Stream gives the files to
// an Output as they are made, a document's pages and exports at a time, and
// keeps of the pages only their metadata: its memory is bounded by the
// documents' text and the link check's summary of each page (ids, link
// targets), not by the size of the site. Writing to disk is package
// write's job (its Writer is an Output); nothing here touches the file
// system beyond reading.
package build
