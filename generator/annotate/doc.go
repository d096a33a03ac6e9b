// Package annotate finds the themes the documents share.
//
// It takes the structured documents and the themes of content/themes/ and
// gives Annotations: for every block, the places where a theme's terms
// occur; for every theme, the blocks it tags, in every document.
//
// Each block is scanned once for all terms together (see Matcher): at each
// position the longest term wins, and matches do not overlap, so a theme's
// term inside a longer term of another theme, or inside one of its own
// "exclude" strings (全球治理 inside 全球治理体系), does not count. A theme's
// "add" and "remove" lists tag or untag blocks by hand, as
// "<document slug>#<eid>".
//
// The result is checked: a theme that tags nothing, a term that matches
// nowhere, a term claimed by two themes and a manual reference to a block
// that does not exist are errors at the theme file's line. Annotations may
// link only to http(s) or site-relative URLs.
package annotate
