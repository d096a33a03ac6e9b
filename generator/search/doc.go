// Package search makes the site's search index: exact substring search of
// every block, document name and theme name, fetched by the browser in
// small pieces, with no server.
//
// It takes each document (FromDocument: blocks with their texts and the
// forms of their numbers) and the themes (names in Chinese and English,
// aliases), and gives files under search/:
//
//	meta.json          loaded first: the number of shards, the characters
//	                   not seen (Blind), the traditional → simplified pairs
//	                   the texts need, per document [slug, entries, first
//	                   entry of each chunk after the first], per theme
//	                   [title, English title, page, normalized names]
//	g/<hex>.txt        shard k of the posting lists, one key per line:
//	                   "key\tpostings"; a key's shard is FNV-1a of its code
//	                   points modulo the number of shards (a power of two,
//	                   chosen so a shard is about 8 KB)
//	t/<slug>.<k>.json  a document's kth chunk of texts (about 4 KB):
//	                   {"doc": [short title, page], "start": first entry,
//	                   "entries": [[eid, label, text]…]}
//
// A document's entries are its names (entry 0: title, short title and
// English title, joined by Separator) and its blocks (entry k is block
// k-1). Texts are indexed normalized (Normalize): each character in NFKC,
// lower case, traditional characters as simplified, without white space
// and the Blind characters (hyphens, dashes, middle dots). Keys are
//
//	one character      the entries that hold it
//	two characters     the entries that hold the bigram, each with how
//	                   many times
//	three characters   the entries that hold the trigram, each with where
//	" " + number key   the blocks whose number, written any way a reader
//	                   may (label, English label, id, GB/T locator: 一、5,
//	                   第一部分第5项, part_1__para_5), is the number key
//	                   (NumberKey: normalized, without punctuation)
//
// and postings are, per document that has the key, its index in site
// order, the number of its entries, and per entry the difference from the
// previous entry (from 0), then for a bigram the number of its
// occurrences, for a trigram the number of its positions and their
// differences, all as numbers of appendNumber's base-64 varint.
//
// A query of one or two characters is found by its own list. A query of
// n ≥ 3 characters is found by its covering trigrams (those at 0, 3, 6 …
// and n-3): an entry holds the query at p exactly when it holds each at p
// + its offset, so the answer is exact (TestSearchIsExact checks it
// against a scan of the texts) with no text fetched. Trigrams, not
// bigrams, carry the positions because their lists are short: a common
// word's bigram is in nearly every block of a large corpus (合作: 81 KB
// at 1,000 documents, counts only), while the trigrams of a phrase are
// rare. Texts are fetched only for the results shown.
// static/search.js is the browser's side; Index here reads the files the
// same way, for the tests.
package search
