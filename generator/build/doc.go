// Package build runs the generator's stages in order.
//
//	load → structure → annotate → markdown → html (+ export, feeds, static) → linkcheck → files
//
// It takes the content, layouts and static trees as fs.FS values, so tests
// build from testing/fstest.MapFS. Build gives a Site with every output
// file in memory. A Builder, for the development server, builds again and
// again, making only what changed: the output comes in units (a document's
// pages and exports; one page of the site's own), each made from one value
// (markdown.DocContext, markdown.ThemePage, a markdown.Page with html.Site)
// by functions that read nothing else, and keyed by that value's digest
// (package internal/digest), so a unit is made again exactly when
// something it could read changed. Inside a document's unit made again,
// each page is keyed the same way by what it is rendered from (a block's
// page sees only its block's projection of the document), and a page whose
// key is unchanged keeps the last build's files (pages.go): an edit of one
// clause renders that clause's pages and the document's. Loading keeps a
// document, notes or translation file whose bytes did not change, and an
// unchanged translation is not aligned again (translations.go). What stays
// the same value from build to build enters a key at the cost of a
// pointer: a loaded document or editors' note by the digest the first
// build that met it computed (cache.identify), a block's excerpt or
// translated passage by the digest it was made with. Files that
// span the site (the search index, data/index.json, llms-full.txt) are
// joined from parts each document's unit makes; one whose bytes are the
// very ones of the last build (an unchanged search shard) is kept by name,
// not put again. Structure and term scans are kept per document file; the
// link check looks only at the files made anew; the Builder's files are
// patched in place, and given back by a build that fails (patch.go). The
// units are made in one parallel pass (a document's pages render on every
// core too, beside its exports), and the files that span the site are
// joined beside each other. Stream gives the files to
// an Output as they are made, a document's pages and exports at a time, and
// keeps of the pages only their metadata: its memory is bounded by the
// documents' text and the link check's summary of each page (ids, link
// targets), not by the size of the site. Writing to disk is package
// write's job (its Writer is an Output); nothing here touches the file
// system beyond reading.
package build
