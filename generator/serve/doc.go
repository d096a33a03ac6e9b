// Package serve is the development server: go run ./generator serve.
//
// It takes the content/, layouts/ and static/ directories and an address
// (127.0.0.1:1313 unless told otherwise: loopback only, unless the address
// names another interface). It gives the site over HTTP from memory,
// rebuilt whenever a watched file changes, and reloads the open browser
// tabs when the output has changed. It never writes public/.
//
// The parts, each in its own file, and how data flows between them:
//
//	watch.go     fsnotify, one watch per directory; new trees added as they
//	             appear, their files reported; editors' temporary files
//	             and chmod dropped; every change is told to the
//	             read cache first                            → changes
//	readcache.go what builds read of the trees, kept until the watcher
//	             says a path changed (nothing once a directory cannot be
//	             watched): a rebuild reads from disk only what changed
//	batch.go     changes coalesced: a batch is complete after 20 ms without
//	             events, or 250 ms after its first; a 3 ms pause already
//	             starts a speculative build                  → batches
//	rebuild.go   the only goroutine that builds, with one build.Builder (a panic is an
//	             error), diff against the served build, swap → events, one
//	             terminal line per batch
//	snapshot.go  an immutable build as served: bytes, ETag, Content-Type per
//	             path, HTML with the reload script added; a rebuild's is
//	             the last one patched with the paths the Builder says
//	             changed (build.Site.Changed), so its work follows the edit
//	server.go    HTTP over the current snapshot: GET and HEAD, no path
//	             outside the site, the site's 404 page
//	events.go    server-sent events on /_dev/events: reload, error, and the
//	             current state to every tab that connects
//	reload.js    /_dev/reload.js, the browser's side: a changed page is
//	             fetched and put in place (its scripts run again), changed
//	             stylesheets swapped, a changed script reloads the page,
//	             other tabs are left alone; keeps the reader's place,
//	             shows build errors
//	serve.go     Run (flags, listening, Ctrl-C), New and Close
//
// A failed build keeps the last good site served and shows its error, as
// "file:line: message", in the terminal and over every open tab. Every
// goroutine started here has an owner and ends on Close.
package serve
