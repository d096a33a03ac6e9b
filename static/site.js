// Progressive enhancement for reading and citing. Everything here is optional:
// without JavaScript every block still has its plain self-link (¶) and :target.
//
// Contract with the generated pages:
//   <article data-doc-path data-cite-en data-cite-zh> wraps a document's blocks; data-cite-* are
//   the citations of any block of it (package cite), with the placeholders {locator}, {url} and
//   {accessed}. Each block, and each further paragraph of a block (a <p> with an id), holds an
//   a.self whose data-loc and data-loc-en are its locators, which also name it on the buttons.
//   window.siteWords.site (layouts/strings, loaded before this script) is what the buttons and
//   messages say, in the page's language.
(function () {
  "use strict";
  // A printed page ends with its address, so a paper copy can be traced back.
  window.addEventListener("beforeprint", function () {
    var main = document.querySelector("main");
    if (!main || main.querySelector(".print-url")) return;
    var p = document.createElement("p");
    p.className = "print-url";
    p.textContent = location.href.split("#")[0];
    main.appendChild(p);
  });
  var words = (window.siteWords || {}).site || {};
  // say fills a wording's {placeholders}.
  function say(wording, values) {
    return String(wording || "").replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }
  // The language switch leads to the same place in the other edition: the same clause.
  document.querySelectorAll("nav.languages a").forEach(function (a) {
    a.addEventListener("click", function () { if (location.hash) a.href = a.href.split("#")[0] + location.hash; });
  });
  var article = document.querySelector("article[data-doc-path]");
  if (!article) { notFoundRedirect(); return; }
  var doc = {
    docPath: article.dataset.docPath,
    citeEn: article.dataset.citeEn || "",
    citeZh: article.dataset.citeZh || ""
  };
  var status = document.createElement("p");
  status.className = "vh";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);

  // The date a citation says the page was accessed: today, as GB/T 7714 (2026-12-01) and
  // English (1 December 2026) write it.
  function accessed(lang) {
    var now = new Date();
    if (lang === "en") return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" }).format(now);
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
  }
  // selfOf is the block's or paragraph's own ¶ link (not one of a paragraph inside it).
  function selfOf(block) {
    var self = null;
    block.querySelectorAll("a.self").forEach(function (a) { if (!self && a.closest("[id]") === block) self = a; });
    return self;
  }
  var english = document.documentElement.lang.indexOf("en") === 0;
  function labelOf(block) {
    var self = selfOf(block);
    return self ? self.getAttribute(english ? "data-loc-en" : "data-loc") || "" : "";
  }
  // A block has a page of its own; a further paragraph of it is a place in the document.
  function permalink(block) {
    var path = block.tagName === "P" ? doc.docPath + "#" + block.id : doc.docPath + block.id + "/";
    return new URL(path, location.href).href;
  }
  function cite(template, block, lang) {
    var self = selfOf(block);
    var locator = self ? self.getAttribute(lang === "en" ? "data-loc-en" : "data-loc") || labelOf(block) : "";
    return template.split("{locator}").join(locator).split("{url}").join(permalink(block)).split("{accessed}").join(accessed(lang));
  }
  function selectionIn(block) {
    var sel = window.getSelection && window.getSelection();
    if (!sel || sel.isCollapsed || !block.contains(sel.anchorNode) || !block.contains(sel.focusNode)) return "";
    return sel.toString().replace(/\s+/g, " ").trim();
  }
  // A text fragment (#:~:text=) for a selection: whole when short, else its first and last
  // words (start,end), which keep the link short; "-", "," and "&" are escaped as the syntax asks.
  var FRAGMENT_WHOLE = 40, FRAGMENT_EDGE = 12;
  function textDirective(quote) {
    var enc = function (t) { return encodeURIComponent(t).replace(/-/g, "%2D"); };
    var chars = Array.from(quote);
    if (chars.length <= FRAGMENT_WHOLE) return enc(quote);
    return enc(chars.slice(0, FRAGMENT_EDGE).join("").trim()) + "," + enc(chars.slice(-FRAGMENT_EDGE).join("").trim());
  }
  function copy(text, done) {
    var ok = function () { status.textContent = ""; setTimeout(function () { status.textContent = done; }, 50); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(ok, function () { fallback(text); ok(); });
    } else { fallback(text); ok(); }
  }
  function fallback(text) {
    var ta = document.createElement("textarea");
    ta.value = text;
    ta.setAttribute("readonly", "");
    ta.style.position = "fixed"; ta.style.opacity = "0";
    document.body.appendChild(ta);
    ta.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    document.body.removeChild(ta);
  }
  var actions = {
    link: function (block) {
      var quote = selectionIn(block);
      if (quote) return [new URL(doc.docPath + "#" + block.id + ":~:text=" + textDirective(quote), location.href).href, words.copied_selection];
      return [permalink(block), words.copied_link];
    },
    zh: function (block) {
      return [cite(doc.citeZh, block, "zh"), words.copied_zh];
    },
    en: function (block) {
      return [cite(doc.citeEn, block, "en"), words.copied_en];
    }
  };
  function button(kind, text, label) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "copy";
    b.dataset.copy = kind;
    b.textContent = text;
    b.setAttribute("aria-label", label);
    return b;
  }
  article.querySelectorAll("a.self").forEach(function (self) {
    var block = self.closest("[id]");
    if (!block || !doc.citeEn || /^H\d$/.test(block.tagName)) return;
    var label = labelOf(block);
    var tools = document.createElement("span");
    tools.className = "tools";
    tools.dataset.label = label; // (document.js names its menu by it)
    tools.appendChild(button("link", words.copy_link, say(words.copy_link_to, { label: label })));
    tools.appendChild(button("zh", words.cite_zh, say(words.cite_zh_to, { label: label })));
    // Each accessible name holds the visible text (WCAG 2.5.3 Label in Name).
    var en = tools.appendChild(button("en", words.cite_en, say(words.cite_en_to, { label: label })));
    en.lang = "en";
    self.after(tools);
  });
  // The page's own citations: at the page's address, dated today, each with a copy button.
  // A document's come with their own template (data-citation); a clause's are its block's (data-block).
  article.querySelectorAll(".cite p[data-citation], .cite p[data-block]").forEach(function (p) {
    var lang = p.lang === "en" ? "en" : "zh";
    var block = p.dataset.block && document.getElementById(p.dataset.block);
    setText(p, block ? cite(lang === "en" ? doc.citeEn : doc.citeZh, block, lang) :
      p.dataset.citation.split("{url}").join(new URL(p.dataset.path, location.href).href).split("{accessed}").join(accessed(lang)));
    var b = button("own", words["copy_" + lang], words["copy_own_" + lang]);
    if (lang === "en") b.lang = "en";
    p.after(b);
  });
  // A citation's text; where the page marks its Chinese (an English page), marked again.
  function setText(p, text) {
    var mark = p.querySelector("span[lang]");
    p.textContent = mark ? "" : text;
    if (mark) text.split(/([\u3000-\u9fff\uff00-\uffef][\u3000-\u9fff\uff00-\uffef0-9]*)/).forEach(function (part, i) {
      var n = p.appendChild(document.createElement("span"));
      if (i % 2) n.lang = mark.lang;
      n.textContent = part;
    });
  }
  actions.own = function (b) {
    var p = b.previousElementSibling;
    return [p.textContent, p.lang === "en" ? words.copied_en : words.copied_zh];
  };
  // mousedown would clear a text selection before click reads it.
  article.addEventListener("mousedown", function (e) {
    if (e.target.closest && e.target.closest("button.copy")) e.preventDefault();
  });
  article.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("button.copy");
    if (!b) return;
    var r = b.dataset.copy === "own" ? actions.own(b) : actions[b.dataset.copy](b.parentNode.parentNode.closest("[id]"));
    copy(r[0], r[1]);
  });

  // On the 404 page: /<document>/<something>/ → /<document>/#<something>.
  function notFoundRedirect() {
    var box = document.querySelector("[data-documents]");
    if (!box) return;
    var prefix = box.dataset.prefix || "";
    var rest = location.pathname.slice(prefix.length).split("/").filter(Boolean);
    var slugs = box.dataset.documents.split(" ");
    if (rest.length >= 2 && slugs.indexOf(rest[0]) >= 0) {
      var tail = rest[1] === "index.html" ? "" : "#" + rest[1];
      location.replace(prefix + "/" + rest[0] + "/" + tail);
    }
  }
})();
