// Search: every block that contains the query, in every document, as one types.
// The index (/search/index.json) is built by the generator: [document, eid, label, text] per block.
// Query and texts are compared after normalising what readers type: NFKC (full-width and
// half-width forms), lower case, no white space, and traditional characters mapped to the
// simplified ones the texts use (table in the index). Highlights map back to the original text.
(function () {
  "use strict";
  var page = document.querySelector("article.search[data-index]");
  if (!page) return;
  page.classList.add("js");
  var input = page.querySelector("#q");
  var status = page.querySelector(".search-status");
  var results = page.querySelector(".search-results");
  var index = null, normalized = [], t2s = {};

  function normalize(s) {
    var text = "", map = [];
    for (var i = 0; i < s.length;) {
      var ch = String.fromCodePoint(s.codePointAt(i));
      var n = ch.normalize("NFKC").toLowerCase();
      n = t2s[n] || n;
      if (/^\s+$/.test(n)) n = "";
      for (var k = 0; k < n.length; k++) { text += n[k]; map.push(i); }
      i += ch.length;
    }
    map.push(s.length);
    return { text: text, map: map };
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  // snippet shows the text around the first match, the match in <mark>.
  function snippet(original, start, end) {
    var p = el("p", "snippet");
    var from = Math.max(0, start - 40), to = Math.min(original.length, end + 60);
    p.appendChild(document.createTextNode((from > 0 ? "…" : "") + original.slice(from, start)));
    p.appendChild(el("mark", "", original.slice(start, end)));
    p.appendChild(document.createTextNode(original.slice(end, to) + (to < original.length ? "…" : "")));
    return p;
  }

  function search(query) {
    results.textContent = "";
    var q = normalize(query.trim()).text;
    if (!q) { status.textContent = ""; return; }
    var groups = index.documents.map(function () { return []; });
    var total = 0;
    index.blocks.forEach(function (b, i) {
      var n = normalized[i], at = n.text.indexOf(q);
      if (at < 0) return;
      var count = 0;
      for (var k = at; k >= 0; k = n.text.indexOf(q, k + q.length)) count++;
      total++;
      groups[b[0]].push({ block: b, start: n.map[at], end: n.map[at + q.length], count: count });
    });
    if (total === 0) {
      status.textContent = "没有找到“" + query.trim() + "”。";
      return;
    }
    status.textContent = "“" + query.trim() + "”见于 " + total + " 段。";
    groups.forEach(function (hits, d) {
      if (!hits.length) return;
      var doc = index.documents[d];
      var section = el("section", "search-group");
      var h = el("h2", "", doc.short + "（" + hits.length + " 段）");
      section.appendChild(h);
      var list = el("ol");
      hits.forEach(function (hit) {
        var li = el("li");
        var a = el("a", "hit", hit.block[2]);
        a.href = doc.url + "#" + hit.block[1];
        li.appendChild(a);
        if (hit.count > 1) li.appendChild(el("span", "hit-count", "（" + hit.count + " 处）"));
        li.appendChild(snippet(hit.block[3], hit.start, hit.end));
        list.appendChild(li);
      });
      section.appendChild(list);
      results.appendChild(section);
    });
  }

  function update() {
    var url = new URL(location.href);
    if (input.value.trim()) url.searchParams.set("q", input.value.trim()); else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    search(input.value);
  }

  page.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); update(); });
  input.addEventListener("input", update);
  input.value = new URL(location.href).searchParams.get("q") || "";
  status.textContent = "正在载入索引…";
  fetch(page.dataset.index).then(function (r) { return r.json(); }).then(function (data) {
    index = data;
    t2s = data.t2s || {};
    normalized = data.blocks.map(function (b) { return normalize(b[3]); });
    status.textContent = "";
    search(input.value);
  }, function () { status.textContent = "无法载入搜索索引。"; });
})();
