// A document page's table of contents, enhanced. Without JavaScript it is a list of links (open
// beside the text on a wide screen where the browser can, folded at the top otherwise).
//   - It marks the entry being read (aria-current="location"): the last whose block starts
//     above the top 128 px of the window (a third of a short one). On a wide screen it is open.
//   - After each part heading but the last, a link to the next part, shown when focused, lets a
//     keyboard reader skip a part: window.siteWords.site.skip_part names it.
(function () {
  "use strict";
  var nav = document.querySelector("nav.toc"), details = nav && nav.querySelector("details");
  if (!details) return;
  var words = (window.siteWords || {}).site || {};
  var wide = window.matchMedia("(min-width: 80rem)");
  function fit() { if (wide.matches) details.open = true; }
  fit();
  wide.addEventListener("change", fit);

  var links = Array.prototype.slice.call(nav.querySelectorAll("a[href^='#']"));
  var targets = links.map(function (a) { return document.getElementById(decodeURIComponent(a.hash.slice(1))); });
  var current = null;
  function mark() {
    // The line a block is read from: under a part heading that stays at the top. At the end of
    // the page, the last block the window shows.
    var end = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
    var line = end ? window.innerHeight : Math.min(window.innerHeight / 3, 128), at = 0;
    for (var i = 0; i < targets.length; i++) {
      if (targets[i] && targets[i].getBoundingClientRect().top <= line) at = i;
    }
    var link = links[at];
    if (!link || link === current) return;
    if (current) current.removeAttribute("aria-current");
    current = link;
    link.setAttribute("aria-current", "location");
    if (wide.matches) {
      var r = link.getBoundingClientRect(), box = nav.getBoundingClientRect();
      if (r.top < box.top || r.bottom > box.bottom) nav.scrollTop += r.top - box.top - box.height / 3;
    }
  }
  var queued = false;
  window.addEventListener("scroll", function () {
    if (queued) return;
    queued = true;
    requestAnimationFrame(function () { queued = false; mark(); });
  }, { passive: true });
  mark();

  var heads = document.querySelectorAll("article.document h2[id]");
  for (var k = 0; k + 1 < heads.length; k++) {
    var next = heads[k + 1], entry = nav.querySelector("a[href='#" + next.id + "']");
    var skip = document.createElement("a");
    skip.className = "skip-part";
    skip.href = "#" + next.id;
    skip.textContent = String(words.skip_part || "").replace("{label}", entry ? entry.textContent : next.id);
    heads[k].after(skip);
  }
})();
