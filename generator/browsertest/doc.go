// Package browsertest checks the built site in public/ in a real browser.
//
// Its tests serve public/ on 127.0.0.1 the way GitHub Pages does ("/x/" is
// x/index.html; a missing path gets 404.html with status 404), drive Debian's
// Chromium through chromedp, and check what a reader gets: clause links that
// scroll to and highlight their clause (with and without JavaScript), the copy
// buttons and the clipboard, the old link forms, a console free of errors, no
// request to another origin, no horizontal scrolling at 360 px, and the WCAG 2
// A and AA rules of axe-core in the light and the dark colour scheme. With
// SCREENSHOT_DIR set, it saves a screenshot of each page type at 360 and 1280 px.
// SITE_DIR names another built site to check instead of public/ (run with
// -count=1 then: go test caches results by the files inside the module only).
//
// It needs Chromium (apt-get install chromium fonts-noto-cjk) and axe-core
// (npm ci --prefix generator/browsertest). Without them the tests skip, unless
// CI=true, when they fail. The package has only tests.
package browsertest
