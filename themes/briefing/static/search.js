/* briefing — offline search over the index built with the site, loaded on demand:
   search/manifest.json first, then for a query only the word shards of its words'
   prefixes (search/w/<hex of the prefix>.json) and the records of the results shown
   (search/d/<n>.json). No dependencies, no network beyond the site itself. Without
   JavaScript the page links to the archive and the index pages, which this script
   hides while a query is active. */
(function () {
  "use strict";

  var box = document.getElementById("search-box");
  if (!box || !window.fetch || !window.TextEncoder) { return; }
  var input = document.getElementById("search-input");
  var form = box.querySelector("form");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var all = document.getElementById("search-all");
  var manifestUrl = box.getAttribute("data-index");
  var base = manifestUrl.slice(0, manifestUrl.lastIndexOf("/") + 1);
  var manifest = null;
  var shards = {};
  var records = {};
  var generation = 0;
  var MAX = 50;
  var CAPS = [3, 3, 3, 8];
  var WEIGHTS = [10, 6, 3, 1];
  var WORD = /[\p{L}\p{N}]+/gu;
  var STOP = { a: 1, an: 1, and: 1, "in": 1, of: 1, on: 1, or: 1, the: 1, to: 1 };

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  /* Words of a text with their positions, folded for matching. */
  function tokens(text) {
    var out = [];
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      out.push({ start: m.index, end: m.index + m[0].length, word: fold(m[0]) });
    }
    return out;
  }

  function words(text) {
    return tokens(text).map(function (t) { return t.word; });
  }

  function getJson(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    });
  }

  /* The shard file of a prefix: its UTF-8 bytes in hex. */
  function shardName(prefix) {
    var bytes = new TextEncoder().encode(prefix);
    var out = "";
    for (var i = 0; i < bytes.length; i++) { out += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16); }
    return out;
  }

  function shard(prefix) {
    if (!shards[prefix]) { shards[prefix] = getJson(base + "w/" + shardName(prefix) + ".json"); }
    return shards[prefix];
  }

  /* A record with its words, ready for snippets. */
  function record(n) {
    if (!records[n]) {
      records[n] = getJson(base + "d/" + n + ".json").then(function (d) {
        return { doc: d, textTokens: tokens(d.text) };
      });
    }
    return records[n];
  }

  /* The shards that may hold words beginning with a term. */
  function shardsFor(term) {
    return manifest.shards.filter(function (p) {
      return p.lastIndexOf(term, 0) === 0 || term.lastIndexOf(p, 0) === 0;
    });
  }

  /* Scores of the records matching every term: per term, the matches of the words
     beginning with it, by field (title, names, description, text), capped per field. */
  function scores(terms, loaded) {
    var total = null;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i];
      var fields = {};
      loaded[i].forEach(function (shardWords) {
        for (var w in shardWords) {
          if (w.lastIndexOf(t, 0) !== 0) { continue; }
          var p = shardWords[w];
          for (var k = 0; k < p.length; k += 5) {
            var f = fields[p[k]] || (fields[p[k]] = [0, 0, 0, 0]);
            for (var j = 0; j < 4; j++) { f[j] += p[k + 1 + j]; }
          }
        }
      });
      var next = {};
      for (var n in fields) {
        if (total && !(n in total)) { continue; }
        var s = 0;
        for (var j2 = 0; j2 < 4; j2++) { s += WEIGHTS[j2] * Math.min(fields[n][j2], CAPS[j2]); }
        next[n] = (total ? total[n] : 0) + s;
      }
      total = next;
    }
    var hits = [];
    for (var id in total) {
      var n2 = +id;
      hits.push({ n: n2, s: total[id] + (n2 < manifest.briefings ? 1 : 0) });
    }
    hits.sort(function (a, b) { return b.s - a.s || a.n - b.n; });
    return hits;
  }

  function isMatch(word, terms) {
    for (var i = 0; i < terms.length; i++) {
      if (word.lastIndexOf(terms[i], 0) === 0) { return true; }
    }
    return false;
  }

  /* How many different terms match in toks[from..to]. */
  function distinct(toks, from, to, terms) {
    var n = 0;
    for (var k = 0; k < terms.length; k++) {
      for (var i = from; i <= to; i++) {
        if (toks[i].word.lastIndexOf(terms[k], 0) === 0) { n++; break; }
      }
    }
    return n;
  }

  /* A window of the text around the matches (the one where most different query
     words meet, the earliest of those), with the matches marked. */
  function snippet(p, terms) {
    var toks = p.textTokens;
    var text = p.doc.text;
    var first = -1;
    var best = 0;
    for (var i = 0; i < toks.length && best < terms.length; i++) {
      if (!isMatch(toks[i].word, terms)) { continue; }
      var d = distinct(toks, i, Math.min(toks.length - 1, i + 24), terms);
      if (d > best) { best = d; first = i; }
    }
    var frag = document.createDocumentFragment();
    if (first < 0) {
      frag.appendChild(document.createTextNode(p.doc.description || text.slice(0, 180)));
      return frag;
    }
    var from = Math.max(0, first - 10);
    var to = Math.min(toks.length - 1, first + 26);
    var pos = toks[from].start;
    if (from > 0) { frag.appendChild(document.createTextNode("… ")); }
    for (var j = from; j <= to; j++) {
      if (isMatch(toks[j].word, terms)) {
        frag.appendChild(document.createTextNode(text.slice(pos, toks[j].start)));
        var mark = document.createElement("mark");
        mark.textContent = text.slice(toks[j].start, toks[j].end);
        frag.appendChild(mark);
        pos = toks[j].end;
      }
    }
    frag.appendChild(document.createTextNode(text.slice(pos, toks[to].end)));
    if (to < toks.length - 1) { frag.appendChild(document.createTextNode(" …")); }
    return frag;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text) { e.textContent = text; }
    return e;
  }

  function render(query) {
    var q = query.trim();
    if (!q) {
      generation++;
      list.textContent = "";
      list.hidden = true;
      all.hidden = false;
      status.textContent = "";
      return;
    }
    var terms = words(q);
    var kept = terms.filter(function (t) { return !STOP[t]; });
    if (kept.length) { terms = kept; }
    if (!terms.length) { return; }
    var mine = ++generation;
    status.textContent = "Searching…";
    Promise.all(terms.map(function (t) { return Promise.all(shardsFor(t).map(shard)); }))
      .then(function (loaded) {
        var hits = scores(terms, loaded);
        return Promise.all(hits.slice(0, MAX).map(function (h) { return record(h.n); }))
          .then(function (recs) { return { hits: hits, recs: recs }; });
      })
      .then(function (r) {
        if (mine !== generation) { return; }
        show(q, terms, r.hits.length, r.recs);
      })
      .catch(function () {
        if (mine !== generation) { return; }
        status.textContent = "The search index could not be loaded (open the site through a web server).";
      });
  }

  function show(q, terms, n, recs) {
    list.textContent = "";
    status.textContent = n === 0
      ? "No page matches “" + q + "”. Try fewer or shorter words."
      : n + (n === 1 ? " page matches “" : " pages match “") + q + "”" + (n > MAX ? "; the first " + MAX + " are shown." : ".");
    recs.forEach(function (rec) {
      var d = rec.doc;
      var li = el("li", "search-result");
      var meta = el("p", "meta");
      meta.appendChild(el("span", "kind", d.kind));
      if (d.date_display) {
        var time = el("time", "", d.date_display);
        time.setAttribute("datetime", d.date);
        meta.appendChild(time);
      }
      var h2 = el("h2", "result-title");
      var a = el("a", "", d.title);
      a.href = d.url;
      h2.appendChild(a);
      var p = el("p", "snippet");
      p.appendChild(snippet(rec, terms));
      li.appendChild(h2);
      li.appendChild(meta);
      li.appendChild(p);
      list.appendChild(li);
    });
    list.hidden = n === 0;
    all.hidden = true;
  }

  function currentQuery() {
    var m = /[?&]q=([^&]*)/.exec(window.location.search);
    return m ? decodeURIComponent(m[1].replace(/\+/g, " ")) : "";
  }

  var timer = null;
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      if (!manifest) { return; }
      render(input.value);
      var url = window.location.pathname + (input.value.trim() ? "?q=" + encodeURIComponent(input.value.trim()) : "");
      window.history.replaceState(null, "", url);
    }, 120);
  }

  box.hidden = false;
  input.value = currentQuery();
  input.addEventListener("input", schedule);
  form.addEventListener("submit", function (e) { e.preventDefault(); schedule(); });
  status.textContent = "Loading the index…";
  getJson(manifestUrl)
    .then(function (m) {
      manifest = m;
      status.textContent = "";
      render(input.value);
    })
    .catch(function () {
      status.textContent = "The search index could not be loaded (open the site through a web server); the pages below lead to every briefing.";
      box.hidden = true;
    });
})();
