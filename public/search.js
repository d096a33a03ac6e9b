// Search page: what search-index.js finds in the index at data-index, shown
// as readers need it: themes, documents and clause numbers first, then the
// clauses that hold the query, grouped by document, every match marked, a
// page at a time; each links to the clause's own page with a text fragment.
(() => {
  "use strict";
  var page = document.querySelector("article.search[data-index]");
  if (!page) return;
  page.classList.add("js");
  var words = (window.siteWords || {}).search || {};
  var input = page.querySelector("#q");
  var status = page.querySelector(".search-status");
  var results = page.querySelector(".search-results");
  var PAGE = Number(page.dataset.page) || 10, index = null, generation = 0;

  function say(template, values) {
    return template.replace(/\{(\w+)\}/g, (_, k) => values[k]);
  }

  const tn = (s) => document.createTextNode(s);

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  // matches are the [start, end) ranges of text, in its own characters, that hold q.
  function matches(text, q) {
    var n = index.normalize(text), out = [];
    for (var p = 0; p + q.length <= n.text.length; p++) {
      var ok = true;
      for (var i = 0; i < q.length && ok; i++) ok = n.text[p + i] === q[i];
      if (ok) {
        out.push([n.from[p], n.from[p + q.length]]);
        p += q.length - 1;
      }
    }
    return out;
  }

  // snippet shows the text around the matches, each in <mark>: all of a
  // short text, or windows around the matches of a long one. Text in spaced
  // words (a translation) gets wider windows, cut between words.
  function snippet(text, ranges) {
    var spaced = (text.match(/ /g) || []).length * 12 > text.length, WINDOW = spaced ? 90 : 40;
    var p = el("p", "snippet"), shown = 0;
    // at moves a cut i out of a word, by at most 20 characters, back or on.
    function at(i, step, stop) {
      for (var k = 0; spaced && k < 20 && i !== stop && /\w/.test(text[i - 1] || "") && /\w/.test(text[i] || ""); k++) i += step;
      return i;
    }
    if (!ranges.length) {
      var end = at(2 * WINDOW, -1, 0);
      p.textContent = text.length > 2 * WINDOW ? text.slice(0, end) + "…" : text;
      return p;
    }
    ranges.forEach((r, i) => {
      var from = at(Math.max(shown, r[0] - WINDOW), -1, shown);
      if (from > shown) p.appendChild(tn("…"));
      p.appendChild(tn(text.slice(from, r[0])));
      p.appendChild(el("mark", "", text.slice(r[0], r[1])));
      var next = i + 1 < ranges.length ? ranges[i + 1][0] : text.length;
      var to = at(Math.min(next, r[1] + WINDOW + (i + 1 < ranges.length ? 0 : 20)), 1, next);
      p.appendChild(tn(text.slice(r[1], to)));
      shown = to;
    });
    if (shown < text.length) p.appendChild(tn("…"));
    return p;
  }

  // fragment is a text fragment that makes the browser mark s.
  function fragment(s) {
    return "#:~:text=" + encodeURIComponent(s).replace(/-/g, "%2D");
  }

  function link(text, href) {
    var a = el("a", "hit", text);
    a.href = href;
    return a;
  }

  // group adds a section of results: a heading, and a list of items.
  function group(cls, heading, tag) {
    var section = el("section", "search-group" + (cls ? " " + cls : ""));
    section.appendChild(el("h2", "", heading));
    var list = section.appendChild(el(tag || "ul"));
    results.appendChild(section);
    return list;
  }

  function item(list, a, extra) {
    var li = list.appendChild(el("li"));
    li.appendChild(a);
    (extra || []).forEach((e) => { if (e) li.appendChild(e); });
  }

  // left says how many hits of a list are not shown.
  function left(list, all) {
    if (all > PAGE) list.parentNode.appendChild(el("p", "search-left", say(words.left, { n: all - PAGE })));
  }

  // show renders the themes, documents and numbers found, then the first n
  // text hits, grouped by document.
  function show(found, n, mine) {
    var shown = found.texts.slice(0, n);
    var documents = found.documents.slice(0, PAGE), numbers = found.numbers.slice(0, PAGE);
    return Promise.all(documents.concat(numbers, shown).map(index.entry)).then((loaded) => {
      if (mine !== generation) return;
      results.textContent = "";
      var list;
      if (found.themes.length) {
        list = group("search-themes", words.themes);
        found.themes.forEach((t) => { item(list, link(t[0], t[2]), [t[1] && el("span", "hit-en", " " + t[1])]); });
      }
      if (documents.length) {
        list = group("search-documents", words.documents);
        documents.forEach(() => { var x = loaded.shift(); item(list, link(x.e[2].split(index.separator)[0], x.doc[1])); });
        left(list, found.documents.length);
      }
      if (numbers.length) {
        list = group("search-numbers", words.numbers);
        numbers.forEach(() => { var x = loaded.shift(); item(list, link(x.doc[0] + " " + x.e[1], x.doc[1] + x.e[0] + "/"), [snippet(x.e[2], [])]); });
        left(list, found.numbers.length);
      }
      var perDoc = new Map(), doc = -1;
      found.texts.forEach((h) => { perDoc.set(h.doc, (perDoc.get(h.doc) || 0) + 1); });
      shown.forEach((h) => {
        var x = loaded.shift(), ranges = matches(x.e[2], found.qs);
        if (h.doc !== doc) list = group("", say(words.group, { doc: x.doc[0], n: perDoc.get(doc = h.doc) }), "ol");
        var href = x.doc[1] + x.e[0] + "/" + (ranges.length ? fragment(x.e[2].slice(ranges[0][0], ranges[0][1])) : "");
        item(list, link(x.e[1] || x.e[0], href), [ranges.length > 1 && el("span", "hit-count", say(words.times, { n: ranges.length })), snippet(x.e[2], ranges)]);
      });
      if (found.texts.length > n) {
        var more = results.appendChild(el("button", "search-more", say(words.more, { n: Math.min(PAGE, found.texts.length - n), left: found.texts.length - n })));
        more.type = "button";
        more.addEventListener("click", () => { more.disabled = true; show(found, n + PAGE, mine); });
      }
    });
  }

  function search(query) {
    var mine = ++generation;
    query = query.trim();
    if (!query) { results.textContent = ""; status.textContent = ""; page.dataset.shown = ""; return Promise.resolve(); }
    return index.find(query).then((found) => {
      if (mine !== generation) return;
      var total = found.texts.length, docs = new Set(found.texts.map((h) => h.doc)).size;
      var any = total + found.themes.length + found.documents.length + found.numbers.length;
      return show(found, PAGE, mine).then(() => {
        if (mine !== generation) return;
        status.textContent = !any ? say(words.none, { q: query })
          : total ? say(words.found, { q: query, n: total, docs: docs })
            : say(words.foundNames, { q: query });
        page.dataset.shown = query;
      });
    }).catch(() => {
      if (mine === generation) status.textContent = words.failed;
    });
  }

  function update() {
    var url = new URL(location.href);
    if (input.value.trim()) url.searchParams.set("q", input.value.trim()); else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    return search(input.value);
  }

  page.querySelector("form").addEventListener("submit", (e) => { e.preventDefault(); update(); });
  input.addEventListener("input", update);
  input.value = new URL(location.href).searchParams.get("q") || "";
  status.textContent = words.loading;
  var root = page.dataset.index;
  openSearchIndex((path) => fetch(root + path).then((r) => {
    if (!r.ok) throw new Error(path + ": " + r.status);
    return r.text();
  })).then((ix) => {
    index = ix;
    status.textContent = "";
    page.dataset.ready = "true";
    search(input.value);
  }, () => { status.textContent = words.failed; });
})();
