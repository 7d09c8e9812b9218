/* briefing — offline search over search/index.json, built with the site.
   No dependencies, no network beyond the site itself. Without JavaScript the page
   shows the list of every page, which this script hides while a query is active. */
(function () {
  "use strict";

  var box = document.getElementById("search-box");
  if (!box || !window.fetch) { return; }
  var input = document.getElementById("search-input");
  var form = box.querySelector("form");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var all = document.getElementById("search-all");
  var docs = null;
  var MAX = 50;
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

  function prepare(index) {
    return index.docs.map(function (d) {
      return {
        doc: d,
        title: words(d.title),
        entities: words(d.entities.join(" ")),
        description: words(d.description),
        textTokens: tokens(d.text)
      };
    });
  }

  function count(list, term, cap) {
    var n = 0;
    for (var i = 0; i < list.length && n < cap; i++) {
      if (list[i].lastIndexOf(term, 0) === 0) { n++; }
    }
    return n;
  }

  function countTokens(list, term, cap) {
    var n = 0;
    for (var i = 0; i < list.length && n < cap; i++) {
      if (list[i].word.lastIndexOf(term, 0) === 0) { n++; }
    }
    return n;
  }

  /* Every term must match the beginning of a word somewhere in the page. */
  function score(p, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i];
      var s = 10 * count(p.title, t, 3) + 6 * count(p.entities, t, 3) +
        3 * count(p.description, t, 3) + countTokens(p.textTokens, t, 8);
      if (s === 0) { return 0; }
      total += s;
    }
    if (p.doc.kind === "Briefing") { total += 1; }
    return total;
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
    list.textContent = "";
    if (!q) {
      list.hidden = true;
      all.hidden = false;
      status.textContent = "";
      return;
    }
    var terms = words(q);
    var kept = terms.filter(function (t) { return !STOP[t]; });
    if (kept.length) { terms = kept; }
    if (!terms.length) { return; }
    var hits = [];
    for (var i = 0; i < docs.length; i++) {
      var s = score(docs[i], terms);
      if (s > 0) { hits.push({ p: docs[i], s: s }); }
    }
    hits.sort(function (a, b) { return b.s - a.s; });
    var n = hits.length;
    status.textContent = n === 0
      ? "No page matches “" + q + "”. Try fewer or shorter words."
      : n + (n === 1 ? " page matches “" : " pages match “") + q + "”" + (n > MAX ? "; the first " + MAX + " are shown." : ".");
    hits.slice(0, MAX).forEach(function (h) {
      var d = h.p.doc;
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
      p.appendChild(snippet(h.p, terms));
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
      if (!docs) { return; }
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
  fetch(box.getAttribute("data-index"))
    .then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    })
    .then(function (index) {
      docs = prepare(index);
      status.textContent = "";
      render(input.value);
    })
    .catch(function () {
      status.textContent = "The search index could not be loaded (open the site through a web server); every page is listed below.";
      box.hidden = true;
    });
})();
