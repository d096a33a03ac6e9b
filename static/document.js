// A document page's ways of finding one's place and of citing a block, enhanced; it runs after
// site.js, which gives each block its copy buttons (span.tools after the block's a.self).
// Without JavaScript the table of contents is a list of links folded above the text, and each ¶
// the block's link.
//   - It marks the entry being read (aria-current="location"): the last whose block starts
//     above the top 128 px of the window (a third of a short one). Where the window leaves room
//     left of the text, it stands there, open.
//   - After each part heading but the last, a link to the next part, shown when focused, lets a
//     keyboard reader skip a part: window.siteWords.site.skip_part names it.
//   - Old link forms that circulate (#4, #四, #一、5, #1.5) lead to the block with that number.
//   - Each block's ¶ opens a menu of its copy buttons, so that a block takes one tab stop: Enter,
//     Space or Down opens it, Up and Down move, Escape closes it (and Tab, and a click outside).
(function () {
  "use strict";
  var nav = document.querySelector("nav.toc"), details = nav && nav.querySelector("details");
  if (!details) return;
  var words = (window.siteWords || {}).site || {};
  // Beside the text where the window leaves 17rem left of it; open there.
  var main = document.querySelector("main"), wide = false;
  function fit() {
    var rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    var left = main.getBoundingClientRect().left + parseFloat(getComputedStyle(main).paddingLeft);
    wide = left >= 17 * rem;
    nav.classList.toggle("beside", wide);
    nav.style.left = wide ? left - 16.5 * rem + "px" : "";
    if (wide) details.open = true;
  }
  fit();
  window.addEventListener("resize", fit);

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
    if (wide) {
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
    skip.textContent = say(words.skip_part, entry ? entry.textContent : next.id);
    heads[k].after(skip);
  }
  // Old link forms: the table of contents names each clause by its number.
  var hash = decodeURIComponent(location.hash.slice(1));
  if (hash && !document.getElementById(hash) && !/^:~:/.test(hash)) {
    var want = hash.replace(/[.．、]/g, "、").replace(/^(\d+)$/, function (m) { return toChinese(+m); });
    var wantDotted = hash.replace(/^(\d+)[.．、](\d+)$/, function (m, a, b) { return toChinese(+a) + "、" + b; });
    var found = null;
    document.querySelectorAll("nav.toc a").forEach(function (a) {
      var b = a.querySelector("span"), label = b ? b.textContent : "";
      if (!found && (label === want || label === wantDotted)) found = a.hash;
    });
    if (found) location.replace(found);
  }
  function toChinese(n) {
    var d = "零一二三四五六七八九";
    if (n < 10) return d[n];
    if (n < 20) return "十" + (n % 10 ? d[n % 10] : "");
    if (n < 100) return d[Math.floor(n / 10)] + "十" + (n % 10 ? d[n % 10] : "");
    return String(n);
  }

  var menus = 0, open = null, article = document.querySelector("article.document");
  function say(wording, label) { return String(wording || "").replace("{label}", label); }
  article.querySelectorAll("a.self + .tools").forEach(function (tools) {
    var self = tools.previousElementSibling, label = tools.dataset.label;
    tools.id = "tools-" + ++menus;
    tools.hidden = true;
    tools.setAttribute("role", "menu");
    tools.setAttribute("aria-label", say(words.tools_for, label));
    [].forEach.call(tools.children, function (b) { b.setAttribute("role", "menuitem"); b.tabIndex = -1; });
    self.setAttribute("role", "button");
    self.setAttribute("aria-label", say(words.tools_for, label));
    self.setAttribute("aria-haspopup", "menu");
    self.setAttribute("aria-expanded", "false");
    self.setAttribute("aria-controls", tools.id);
  });
  function menuOf(self) { return document.getElementById(self.getAttribute("aria-controls")); }
  function openMenu(self, focus) {
    closeMenu();
    open = self;
    menuOf(self).hidden = false;
    self.setAttribute("aria-expanded", "true");
    if (focus) menuOf(self).firstChild.focus();
  }
  function closeMenu(refocus) {
    if (!open) return;
    var self = open;
    open = null;
    menuOf(self).hidden = true;
    self.setAttribute("aria-expanded", "false");
    if (refocus) self.focus();
  }
  document.addEventListener("click", function (e) {
    var self = e.target.closest && e.target.closest("a.self[aria-controls]");
    if (self) {
      e.preventDefault();
      if (open === self) closeMenu();
      else openMenu(self, e.detail === 0); // (0: from the keyboard)
    } else if (open && e.target.closest && e.target.closest("[role=menuitem]")) {
      closeMenu(true); // after site.js has copied
    } else if (open && !menuOf(open).contains(e.target)) closeMenu();
  });
  article.addEventListener("keydown", function (e) {
    var self = e.target.closest("a.self[aria-controls]"), item = e.target.closest("[role=menuitem]");
    // (Enter too: a link opened on keydown would pass the key's keypress to the menu's first button.)
    if (self && (e.key === "Enter" || e.key === " " || e.key === "ArrowDown")) {
      e.preventDefault();
      openMenu(self, true);
    } else if (item) {
      var items = [].slice.call(item.parentNode.children), i = items.indexOf(item);
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        items[(i + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length].focus();
      } else if (e.key === "Escape") {
        e.preventDefault();
        closeMenu(true);
      } else if (e.key === "Tab") closeMenu();
    }
  });
})();

// Editors' notes beside the text (static/notes.css): where the window leaves 17rem right of it,
// each block's notes (div.ednotes, after its text) stand level with the block, open, a note
// below the one above it when they would overlap. Elsewhere they stay folded after the block.
(function () {
  "use strict";
  var main = document.querySelector("main"), groups = main ? main.querySelectorAll("div.ednotes") : [];
  if (!groups.length) return;
  var root = document.documentElement, on = false;
  function place() {
    var rem = parseFloat(getComputedStyle(root).fontSize), box = main.getBoundingClientRect();
    var right = box.right - parseFloat(getComputedStyle(main).paddingRight);
    var wide = root.clientWidth - right >= 17 * rem;
    if (wide !== on) {
      on = wide;
      root.classList.toggle("margin-notes", on);
      groups.forEach(function (g) {
        g.querySelectorAll("details").forEach(function (d) { d.open = on; });
        if (!on) g.style.top = g.style.left = "";
      });
    }
    if (!on) return;
    var below = -Infinity; // (in the window's coordinates, as the rest)
    groups.forEach(function (g) {
      var owner = g.parentNode.id ? g.parentNode : g.previousElementSibling;
      var at = g.offsetParent.getBoundingClientRect(), top = Math.max(owner.getBoundingClientRect().top, below);
      g.style.top = top - at.top + "px";
      g.style.left = right + 2 * rem - at.left + "px";
      below = top + g.offsetHeight + rem / 2;
    });
  }
  place();
  window.addEventListener("resize", place);
  main.addEventListener("toggle", place, true);
  if (document.fonts) document.fonts.ready.then(place);
})();
