// Package markdown writes the site's pages as markdown.
//
// It takes structured documents (and, later, their annotations) and gives
// Pages: each a site path, a layout name, metadata for the templates, and
// the page's markdown, which is both published beside the HTML as index.md
// and rendered to HTML by package html.
//
// Every anchored block carries its id in a trailing attribute list, the
// syntax goldmark uses for headings, extended by package html to paragraphs:
//
//	四、古方重申无条件恪守一个中国原则…… {#para_4 data-label="四"}
//
// Text from the documents is escaped so that goldmark renders exactly the
// characters published, whatever they are (see Escape).
package markdown
