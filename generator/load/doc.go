// Package load reads the site's content from an fs.FS and checks it on the way in.
//
// It takes the content tree (the repository's content/ directory):
//
//	site.yaml               the site's own title and description
//	documents/<slug>.md     one official document per file
//	themes/<slug>.md        one cross-reference theme per file
//	pages/<slug>.md         an editorial page (markdown)
//	translations/<lang>/<slug>.md   a document's translation (Translation)
//	notes/<slug>.md         the editors' notes on a document (NoteFile)
//
// and gives a Content value: the site metadata, documents and themes, each with
// its front matter decoded and its body split into paragraphs that remember the
// source line they came from.
//
// A content file is UTF-8 without a byte order mark, with LF line ends, and
// starts with YAML front matter between two "---" lines. A document's body is
// blank-line-separated paragraphs, one line each, exactly as published. A
// theme's body is markdown (the annotation), passed on unparsed.
//
// Every error names the file and line: "content/documents/x.md:7: date: ...".
// Load reports all the errors it finds, not only the first.
package load
