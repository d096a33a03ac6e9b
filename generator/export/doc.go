// Package export writes the documents as data for researchers and tools.
//
// It takes the structured documents and gives files of the published site:
//
//	data/index.json     the documents (slug, title, title_en, date, url, data)
//	                    and the themes (slug, title, title_en, url, terms, and
//	                    the blocks each tags: document, eid, url)
//	data/<slug>.json    one document: its metadata, its provenance (source,
//	                    transcription, what to compare it with, corrections),
//	                    the URLs of its citation files (package cite), and its
//	                    blocks in reading order, each with eid, kind, num,
//	                    label, locator, text, url and themes
//	data/<slug>.akn.xml the document in Akoma Ntoso 3.0, with the same eIds
//
// A block's text is exactly as published, its number marker included, its
// paragraphs joined by "\n"; the texts of all blocks, concatenated, are the
// document's body.
package export
