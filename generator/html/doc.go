// Package html renders pages to HTML.
//
// It takes markdown.Pages and the templates of layouts/ and gives each
// page's HTML: the page's markdown rendered by goldmark (set up once, with
// the Anchors extension), placed in the page's layout.
//
// Layouts are Go html/template files. layouts/base.html defines the
// template "base", the skeleton of every page, which calls the blocks
// "main" (and may call "head"); each layouts/<layout>.html defines them for
// one kind of page (home, document, clause, 404, …). Templates see a
// PageData value and the functions in funcs.go.
package html
