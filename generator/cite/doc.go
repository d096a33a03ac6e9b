// Package cite writes the citations of a document and of its blocks.
//
// It takes a structured document, a block (or none, for the whole
// document) and the site's base URL, and gives:
//
//   - English: parties, English title, the Chinese title, [in Chinese], the
//     publisher, the date, the locator, the URL and the date accessed:
//
//     People's Republic of China and Republic of Cuba, "Joint Statement …",
//     中华人民共和国和古巴共和国关于…联合声明 [in Chinese], Xinhua News Agency,
//     4 September 2025, para. 4, https://…/para_4/ (accessed 2 December 2026).
//
//   - Chinese, in the form of GB/T 7714-2015 for an electronic resource
//     ([EB/OL], the date published in brackets, then the date cited):
//
//     中华人民共和国, 古巴共和国. 中华人民共和国和古巴共和国关于…联合声明: 第四条[EB/OL].
//     (2025-09-04)[2026-12-02]. https://…/para_4/.
//
//   - BibTeX (@misc), RIS (TY GEN) and CSL-JSON entries, for reference
//     managers, the whole document's and every block's in one file each
//     (data/<slug>.bib, .ris, .csl.json: Files), and one block's on its own page;
//
//   - Highwire Press meta tags (citation_title …), which Zotero and Google
//     Scholar read from a document's or a clause's page.
//
// Each format is one function of a Work. A citation made at build time
// has no date accessed: Template gives the English and Chinese forms with
// the placeholders {locator}, {url} and {accessed}, which the page's
// script fills in when a reader copies a citation (the accessed date as
// "2 December 2026" in English and 2026-12-02 in Chinese).
package cite
