(function () {
  "use strict";
  // Everything shown comes from the JSON blob and goes into the page as text (textContent,
  // createElement, attributes): never as markup, so article text cannot run or change the page.
  var D = JSON.parse(document.getElementById("report-data").textContent);
  var F = D.facts, S = D.sources, CELLS = D.cells, DET = D.details, P = D.strings;
  var NAME = { a: "agree", c: "contradict", u: "unclear", o: "omit" };
  var SYM = { a: "\u2713", c: "\u2717", u: "?", o: "\u00b7" };
  var LETTER = { agree: "a", contradict: "c", unclear: "u", omit: "o" };
  var RANK = { c: 0, u: 1, a: 2, o: 3 };
  var LEAD = 5; // matrix columns before the first fact: source, then the four counts
  // one mention as an object, its pooled strings resolved
  function mention(row) {
    var m = {};
    D.mention_fields.forEach(function (n, i) { m[n] = row[i]; });
    ["value", "rule", "reason", "sentence"].forEach(function (n) { m[n] = P[m[n]]; });
    m.rules = (m.rules || []).map(function (i) { return P[i]; });
    return m;
  }

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function count(row, only) {
    var c = { a: 0, c: 0, u: 0, o: 0 };
    if (only) { for (var i = 0; i < only.length; i++) c[row.charAt(only[i])]++; }
    else { for (var j = 0; j < row.length; j++) c[row.charAt(j)]++; }
    return c;
  }
  var srcCounts = CELLS.map(function (row) { return count(row); });

  // A filter is a glob (* ?) matched whole, or else a case-insensitive substring.
  function matcher(pattern) {
    pattern = pattern.trim();
    if (!pattern) return null;
    if (/[*?]/.test(pattern)) {
      var rx = "^" + pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$";
      var re = new RegExp(rx, "i");
      return function (s) { return re.test(s); };
    }
    var low = pattern.toLowerCase();
    return function (s) { return s.toLowerCase().indexOf(low) >= 0; };
  }

  // ---- state and view ---------------------------------------------------------------------
  var st = { fact: "", kind: "", verdict: "", source: "", page: 0, size: 100, sort: null, dir: 1, sel: null };
  var view = { rows: [], cols: [], counts: {} };

  function compute() {
    var fm = matcher(st.fact), sm = matcher(st.source), cols = [], rows = [], i, k;
    for (k = 0; k < F.length; k++) {
      if (fm && !fm(F[k].id)) continue;
      if (st.kind && F[k].kind !== st.kind) continue;
      cols.push(k);
    }
    for (i = 0; i < S.length; i++) {
      if (sm && !sm(S[i].id) && !sm(S[i].path || "")) continue;
      rows.push(i);
    }
    if (st.verdict) {
      var want = st.verdict, keepCol = {};
      rows = rows.filter(function (s) {
        var row = CELLS[s], hit = false;
        for (var j = 0; j < cols.length; j++) {
          if (want.indexOf(row.charAt(cols[j])) >= 0) { hit = true; keepCol[cols[j]] = true; }
        }
        return hit;
      });
      cols = cols.filter(function (c) { return keepCol[c]; });
    }
    var counts = {};
    rows.forEach(function (s) { counts[s] = count(CELLS[s], cols); });
    if (st.sort) {
      var key = st.sort, dir = st.dir;
      rows.sort(function (x, y) {
        var a, b;
        if (key === "id") { a = S[x].id; b = S[y].id; return dir * (a < b ? -1 : a > b ? 1 : 0); }
        if (key.charAt(0) === "f") {
          var f = +key.slice(1);
          a = RANK[CELLS[x].charAt(f)]; b = RANK[CELLS[y].charAt(f)];
        } else { a = counts[x][key]; b = counts[y][key]; }
        return dir * (a - b) || (x - y);
      });
    }
    view = { rows: rows, cols: cols, counts: counts };
    var pages = Math.max(1, Math.ceil(rows.length / st.size));
    if (st.page >= pages) st.page = pages - 1;
  }

  // ---- the matrix -----------------------------------------------------------------------
  function sortHeader(th, key, firstDir) {
    th.classList.add("sort");
    th.dataset.sort = key;
    th.dataset.first = String(firstDir);
    if (st.sort === key) th.setAttribute("aria-sort", st.dir > 0 ? "ascending" : "descending");
  }

  function renderMatrix() {
    var table = $("matrix"), cols = view.cols;
    var thead = el("thead"), r1 = el("tr"), r2 = el("tr");
    var th = el("th", "src", "source");
    th.rowSpan = 2; sortHeader(th, "id", 1); r1.appendChild(th);
    ["c", "u", "a", "o"].forEach(function (v) {
      var h = el("th", "cnt v-" + v, SYM[v]);
      h.rowSpan = 2; h.title = NAME[v] + " (facts shown); click to sort";
      sortHeader(h, v, -1); r1.appendChild(h);
    });
    var i = 0;
    while (i < cols.length) {
      var ev = F[cols[i]].event, n = 0;
      while (i + n < cols.length && F[cols[i + n]].event === ev) n++;
      var g = el("th", "event", ev);
      g.colSpan = n; g.title = ev; r1.appendChild(g);
      i += n;
    }
    cols.forEach(function (k, j) {
      // a fact alone in its group is named in full: its group header is too narrow to read
      var f = F[k], alone = (j === 0 || F[cols[j - 1]].event !== f.event) &&
        (j === cols.length - 1 || F[cols[j + 1]].event !== f.event);
      var h = el("th", "fact", alone ? f.id : f.id.slice(f.event.length + 1) || f.id);
      h.title = f.id + " (" + f.kind + "): expected " + f.expected + "; click to sort";
      sortHeader(h, "f" + k, 1); r2.appendChild(h);
    });
    thead.appendChild(r1); thead.appendChild(r2);

    var tbody = el("tbody"), start = st.page * st.size, end = Math.min(view.rows.length, start + st.size);
    var first = true;
    for (var p = start; p < end; p++) {
      var s = view.rows[p], row = CELLS[s], tr = el("tr"), c = view.counts[s];
      tr.dataset.s = String(s);
      var name = el("td", "src", S[s].id);
      name.title = S[s].path || S[s].id;
      tr.appendChild(name);
      tr.appendChild(el("td", "num", c.c)); tr.appendChild(el("td", "num", c.u));
      tr.appendChild(el("td", "num", c.a)); tr.appendChild(el("td", "num", c.o));
      for (var j = 0; j < cols.length; j++) {
        var v = row.charAt(cols[j]), td = el("td", "c v-" + v, SYM[v]);
        if (st.verdict && st.verdict.indexOf(v) < 0) td.classList.add("dim");
        if (st.sel && st.sel[0] === s && st.sel[1] === cols[j]) td.classList.add("sel");
        td.tabIndex = first ? 0 : -1;
        first = false;
        tr.appendChild(td);
      }
      tbody.appendChild(tr);
    }
    table.replaceChildren(thead, tbody);
    var pages = Math.max(1, Math.ceil(view.rows.length / st.size));
    $("page").textContent = "page " + (st.page + 1) + " of " + pages +
      (view.rows.length ? " (sources " + (start + 1) + "\u2013" + end + ")" : "");
    $("prev").disabled = st.page === 0;
    $("next").disabled = st.page >= pages - 1;
    $("status").textContent = "Showing " + view.rows.length + " of " + S.length + " sources and " +
      cols.length + " of " + F.length + " facts" + (st.verdict ? ", with a " + verdictLabel() + " cell" : "") + ".";
  }
  function verdictLabel() { return st.verdict.split("").map(function (v) { return NAME[v]; }).join(" or "); }

  function cellAt(td) {
    var tr = td.parentNode;
    if (!td.classList.contains("c") || !tr.dataset.s) return null;
    return [+tr.dataset.s, view.cols[td.cellIndex - LEAD]];
  }

  function update() { compute(); renderMatrix(); }

  // ---- the details of one cell ------------------------------------------------------------
  function dl(pairs) {
    var d = el("dl");
    pairs.forEach(function (p) {
      if (p[1] === null || p[1] === undefined || p[1] === "") return;
      d.appendChild(el("dt", null, p[0]));
      var dd = el("dd");
      if (p[1] instanceof Node) dd.appendChild(p[1]); else dd.textContent = String(p[1]);
      d.appendChild(dd);
    });
    return d;
  }

  function sentence(m) {
    var q = el("blockquote"), text = m.sentence || "", a = m.hl_start, b = m.hl_end;
    if (!text) { q.appendChild(el("mark", null, m.text)); return q; }
    if (a < 0 || b > text.length) { q.textContent = text; return q; }
    q.appendChild(document.createTextNode(text.slice(0, a)));
    q.appendChild(el("mark", null, text.slice(a, b)));
    q.appendChild(document.createTextNode(text.slice(b)));
    return q;
  }

  function showDetail(s, k) {
    st.sel = [s, k];
    var f = F[k], src = S[s], v = CELLS[s].charAt(k), ms = (DET[s + ":" + k] || []).map(mention);
    var body = $("detail-body");
    var h = el("h3");
    h.appendChild(el("span", "sym v-" + v, SYM[v]));
    h.appendChild(document.createTextNode(" " + NAME[v].toUpperCase() + ": " + src.id + " \u00d7 " + f.id));
    var parts = [h, dl([
      ["expected", f.expected], ["kind", f.kind], ["event", f.event], ["defined at", f.defined_at],
      ["source", src.path || src.id], ["url", src.url], ["published", src.published],
      ["notes", (src.notes || []).join("; ")], ["mentions", String(ms.length)]
    ])];
    if (!ms.length) parts.push(el("p", null, v === "o" ? "No value of this fact was read in this source." :
      "No mention was recorded for this verdict."));
    ms.forEach(function (m) {
      var mv = LETTER[m.verdict] || "o", box = el("div", "mention m-" + mv);
      var head = el("p");
      head.appendChild(el("span", "sym v-" + mv, SYM[mv]));
      head.appendChild(document.createTextNode(" " + String(m.verdict).toUpperCase() + " at line " +
        m.line + ":" + m.col + (m.certain ? "" : " (binding not sure enough to accuse)")));
      box.appendChild(head);
      box.appendChild(sentence(m));
      box.appendChild(dl([
        ["quote", m.text], ["line:col", m.line + ":" + m.col],
        ["value read", m.value], ["expected", f.expected],
        ["rules", m.rules.join(", ")], ["bound by", m.rule], ["reason", m.reason]
      ]));
      parts.push(box);
    });
    body.replaceChildren.apply(body, parts);
    $("detail").hidden = false;
    var old = document.querySelector("#matrix td.sel");
    if (old) old.classList.remove("sel");
  }
  function closeDetail() {
    $("detail").hidden = true;
    st.sel = null;
    var old = document.querySelector("#matrix td.sel");
    if (old) { old.classList.remove("sel"); old.focus(); }
  }

  // ---- summaries ------------------------------------------------------------------------
  function summary(tableId, moreId, columns, items, sortIndex, onPick) {
    var table = $(tableId), more = $(moreId), limit = 15, sort = sortIndex, dir = -1;
    function draw() {
      var col = columns[sort];
      var sorted = items.slice().sort(function (x, y) {
        var a = col.key(x), b = col.key(y);
        var c = typeof a === "number" ? a - b : (a < b ? -1 : a > b ? 1 : 0);
        return dir * c || (columns[1].key(y) - columns[1].key(x)) || (x - y);
      });
      var thead = el("thead"), tr = el("tr");
      columns.forEach(function (c, i) {
        var th = el("th", c.cls || null, c.label);
        th.title = (c.title || c.label) + "; click to sort";
        if (i === sort) th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
        th.addEventListener("click", function () {
          if (sort === i) dir = -dir; else { sort = i; dir = c.num ? -1 : 1; }
          draw();
        });
        tr.appendChild(th);
      });
      thead.appendChild(tr);
      var tbody = el("tbody");
      sorted.slice(0, limit).forEach(function (it) {
        var row = el("tr");
        columns.forEach(function (c) { row.appendChild(el("td", c.num ? "num" : null, c.show ? c.show(it) : c.key(it))); });
        row.addEventListener("click", function () { onPick(it); });
        tbody.appendChild(row);
      });
      table.replaceChildren(thead, tbody);
      more.hidden = items.length <= 15;
      more.textContent = limit < items.length ? "show all " + items.length : "show the first 15";
    }
    more.addEventListener("click", function () { limit = limit < items.length ? items.length : 15; draw(); });
    draw();
  }

  function num(label, get, title) { return { label: label, key: get, num: true, title: title }; }
  function stated(c) { return c.a + c.c + c.u; }
  function drift(c) { return stated(c) ? (c.c + c.u) / stated(c) : 0; }

  function pick(filter, value) {
    st[filter] = value; $("f-" + filter).value = value; st.page = 0; update();
    $("matrix-section").scrollIntoView();
  }
  var factIdx = F.map(function (_, k) { return k; });
  summary("fact-summary", "fact-summary-more", [
    { label: "fact", key: function (k) { return F[k].id; } },
    num(SYM.c, function (k) { return F[k].counts.contradict; }, "sources contradicting"),
    num(SYM.u, function (k) { return F[k].counts.unclear; }, "sources unclear"),
    num(SYM.a, function (k) { return F[k].counts.agree; }, "sources agreeing"),
    num(SYM.o, function (k) { return F[k].counts.omit; }, "sources not mentioning it"),
    { label: "kind", key: function (k) { return F[k].kind; } },
    { label: "expected", key: function (k) { return F[k].expected; } }
  ], factIdx, 1, function (k) { pick("fact", F[k].id); });

  var srcIdx = S.map(function (_, s) { return s; });
  summary("source-summary", "source-summary-more", [
    { label: "source", key: function (s) { return S[s].id; } },
    num(SYM.c, function (s) { return srcCounts[s].c; }, "facts contradicted"),
    num(SYM.u, function (s) { return srcCounts[s].u; }, "facts unclear"),
    num(SYM.a, function (s) { return srcCounts[s].a; }, "facts agreed with"),
    num(SYM.o, function (s) { return srcCounts[s].o; }, "facts not mentioned"),
    { label: "drift", key: function (s) { return drift(srcCounts[s]); }, num: true,
      show: function (s) { return Math.round(100 * drift(srcCounts[s])) + "%"; },
      title: "contradicted or unclear, of the facts the source states" }
  ], srcIdx, 1, function (s) { pick("source", S[s].id); });

  // ---- events -------------------------------------------------------------------------
  var timer = null;
  function later() { clearTimeout(timer); timer = setTimeout(function () { st.page = 0; update(); }, 150); }
  $("f-fact").addEventListener("input", function (e) { st.fact = e.target.value; later(); });
  $("f-source").addEventListener("input", function (e) { st.source = e.target.value; later(); });
  $("f-kind").addEventListener("change", function (e) { st.kind = e.target.value; st.page = 0; update(); });
  $("f-verdict").addEventListener("change", function (e) { st.verdict = e.target.value; st.page = 0; update(); });
  $("f-page-size").addEventListener("change", function (e) { st.size = +e.target.value; st.page = 0; update(); });
  $("filters").addEventListener("submit", function (e) { e.preventDefault(); });
  $("filters").addEventListener("reset", function () {
    st.fact = st.kind = st.verdict = st.source = ""; st.page = 0; st.size = 100;
    setTimeout(update, 0);
  });
  $("prev").addEventListener("click", function () { if (st.page > 0) { st.page--; renderMatrix(); } });
  $("next").addEventListener("click", function () { st.page++; update(); });
  $("detail-close").addEventListener("click", closeDetail);
  document.addEventListener("keydown", function (e) { if (e.key === "Escape" && !$("detail").hidden) closeDetail(); });

  var matrix = $("matrix");
  matrix.addEventListener("click", function (e) {
    var th = e.target.closest("th");
    if (th && th.dataset.sort) {
      var key = th.dataset.sort;
      if (st.sort === key) st.dir = -st.dir; else { st.sort = key; st.dir = +th.dataset.first; }
      update();
      return;
    }
    var td = e.target.closest("td"), at = td && cellAt(td);
    if (!at) return;
    showDetail(at[0], at[1]);
    td.classList.add("sel");
  });
  matrix.addEventListener("mouseover", function (e) {
    var td = e.target.closest("td"), at = td && !td.title && cellAt(td);
    if (at) td.title = S[at[0]].id + " \u00d7 " + F[at[1]].id + ": " + NAME[CELLS[at[0]].charAt(at[1])];
  });
  matrix.addEventListener("keydown", function (e) {
    var td = e.target.closest && e.target.closest("td.c");
    if (!td) return;
    var tr = td.parentNode, next = null;
    if (e.key === "Enter" || e.key === " ") { e.preventDefault(); td.click(); return; }
    if (e.key === "ArrowRight") next = td.nextElementSibling;
    else if (e.key === "ArrowLeft") next = td.previousElementSibling;
    else if (e.key === "ArrowDown" && tr.nextElementSibling) next = tr.nextElementSibling.cells[td.cellIndex];
    else if (e.key === "ArrowUp" && tr.previousElementSibling) next = tr.previousElementSibling.cells[td.cellIndex];
    if (next && next.classList.contains("c")) { e.preventDefault(); td.tabIndex = -1; next.tabIndex = 0; next.focus(); }
  });

  update();
  document.documentElement.dataset.ready = "1";
})();
