// search-index.js reads the site's search index the way generator/search
// specifies it (doc.go; its Index reads it the same way): the query is
// normalized as the texts were, found exactly by its covering trigrams'
// positions, and only the files a query needs are fetched. search.js shows
// the results; a Go test runs this file in Node against a scan of the texts.
((exports) => {
  "use strict";
  const NUMBER_PREFIX = " ", MAX_NUMBER_KEY = 40, SEPARATOR = "\uffff";
  const SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
  const PUNCT = /[\p{P}\p{S}]/u;
  const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const DIGIT = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;

  // openSearchIndex opens the index whose files load(path) gives as text
  // (path relative to the index's root: "meta.json", "g/1f.txt"…). It
  // resolves to {find, entry, normalize, separator} once meta.json is read.
  exports.openSearchIndex = (load) => {
    const fetched = {};
    let meta = null;

    function get(path, kind) {
      if (!fetched[path]) fetched[path] = load(path).then((data) => kind === "json" ? JSON.parse(data) : data);
      return fetched[path];
    }

    // normalize gives the code points of s as the index holds them, and for
    // each the index in s of the character it came from (and s.length last).
    function normalize(s) {
      var text = [], from = [];
      for (var i = 0; i < s.length;) {
        var ch = String.fromCodePoint(s.codePointAt(i));
        if (ch === SEPARATOR) { text.push(ch); from.push(i); i += ch.length; continue; }
        for (var m of ch.normalize("NFKC").toLowerCase()) {
          m = meta.t2s[m] || m;
          if (SPACE.test(m) || meta.blind.indexOf(m) >= 0) continue;
          text.push(m); from.push(i);
        }
        i += ch.length;
      }
      from.push(s.length);
      return { text: text, from: from };
    }

    function numberKey(s) {
      return normalize(s).text.filter((c) => c !== SEPARATOR && !PUNCT.test(c)).join("");
    }

    function shardOf(key) {
      var h = 2166136261;
      for (var c of key) { h ^= c.codePointAt(0); h = Math.imul(h, 16777619) >>> 0; }
      return h & (meta.shards - 1);
    }

    // gramLength is the number of characters of a gram's key, 0 for a number's.
    function gramLength(key) { return key[0] === NUMBER_PREFIX ? 0 : Array.from(key).length; }

    // postings gives [{doc, entry, count, at}] for a key: count for a gram
    // of two or three characters, at (positions) for three.
    function postings(key) {
      var n = shardOf(key);
      return get("g/" + n.toString(16) + ".txt", "text").then((shard) => {
        var start = shard.startsWith(key + "\t") ? 0 : shard.indexOf("\n" + key + "\t");
        if (start < 0) return [];
        if (start > 0) start++;
        start += key.length + 1;
        var end = shard.indexOf("\n", start);
        var s = shard.slice(start, end < 0 ? shard.length : end), pos = 0;
        function next() {
          var v = 0, scale = 1;
          for (;;) {
            var d = DIGIT[s.charCodeAt(pos++)];
            v += (d & 31) * scale;
            if (!(d & 32)) return v;
            scale *= 32;
          }
        }
        var out = [], n = gramLength(key);
        while (pos < s.length) {
          var doc = next(), count = next(), entry = 0;
          for (var i = 0; i < count; i++) {
            entry += next();
            var hit = { doc: doc, entry: entry };
            if (n >= 2) hit.count = next();
            if (n === 3) {
              var at = 0;
              hit.at = [];
              for (var j = 0; j < hit.count; j++) { at += next(); hit.at.push(at); }
            }
            out.push(hit);
          }
        }
        return out;
      });
    }

    // covering gives the offsets of the trigrams that cover a query of n ≥ 3 characters.
    function covering(n) {
      var offsets = [];
      for (var o = 0; o + 3 <= n; o += 3) offsets.push(o);
      if (offsets[offsets.length - 1] !== n - 3) offsets.push(n - 3);
      return offsets;
    }

    // phrase finds a query of three characters or more.
    function phrase(q) {
      var offsets = covering(q.length);
      return Promise.all(offsets.map((o) => postings(q[o] + q[o + 1] + q[o + 2]))).then((lists) => {
        var sets = lists.map((l) => {
          var m = new Map();
          l.forEach((h) => { m.set(h.doc + ":" + h.entry, new Set(h.at)); });
          return m;
        });
        var out = [];
        lists[0].forEach((h) => {
          var key = h.doc + ":" + h.entry, count = 0;
          h.at.forEach((p) => {
            for (var i = 1; i < offsets.length; i++) {
              var s = sets[i].get(key);
              if (!s || !s.has(p + offsets[i])) return;
            }
            count++;
          });
          if (count) out.push({ doc: h.doc, entry: h.entry, count: count });
        });
        return out;
      });
    }

    // find gives what a query finds: themes, documents, numbers and blocks.
    function find(query) {
      var q = normalize(query).text.filter((c) => c !== SEPARATOR);
      var found = { q: q.join(""), qs: q, themes: [], documents: [], numbers: [], texts: [] };
      if (!q.length) return Promise.resolve(found);
      meta.themes.forEach((t) => {
        if (t[3].some((name) => name.indexOf(found.q) >= 0)) found.themes.push(t);
      });
      var key = numberKey(query), asks = [];
      asks.push(key && Array.from(key).length <= MAX_NUMBER_KEY ? postings(NUMBER_PREFIX + key) : Promise.resolve([]));
      asks.push(q.length <= 2 ? postings(q.join("")) : phrase(q));
      return Promise.all(asks).then((r) => {
        found.numbers = r[0];
        r[1].forEach((h) => { (h.entry === 0 ? found.documents : found.texts).push(h); });
        return found;
      });
    }

    // entry gives [eid, label, text] of an entry and its document's [short, page].
    function entry(hit) {
      var d = meta.docs[hit.doc], k = 0;
      d[2].forEach((s) => { if (s <= hit.entry) k++; });
      return get("t/" + d[0] + "." + k + ".json", "json").then((c) => {
        return { doc: c.doc, e: c.entries[hit.entry - c.start] };
      });
    }
    return get("meta.json", "json").then((m) => {
      meta = m;
      return { find: find, entry: entry, normalize: normalize, separator: SEPARATOR };
    });
  };
})(typeof module === "object" ? module.exports : window);
