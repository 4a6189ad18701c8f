/* techkg explorer: search, filters, neighbourhood view and detail panel over vis-network.
 *
 * Two modes share this file:
 *   "file" - a rendered, offline page: the whole (possibly cut) graph is embedded;
 *   "live" - the served app: the page asks the JSON API for the neighbourhood of
 *            what is searched, so it works for stores of any size.
 * Every text that comes from articles is put in the page with textContent, never
 * as HTML.
 */
(function () {
  "use strict";

  var T0 = performance.now();
  var $ = function (id) { return document.getElementById(id); };
  var data = JSON.parse($("tk-data").textContent);
  var config = JSON.parse($("tk-config").textContent);
  var live = config.mode === "live";
  var api = config.api || "";

  // Timings read by the tests and the scale benchmark.
  var perf = (window.__tk = { t0: T0, firstDraw: null, draws: 0, ready: false, loads: 0 });

  var state = {
    meta: data.meta || {},
    sizeBy: (data.meta && data.meta.size_by) || "degree",
    typeOn: {},
    relOn: {},
    from: "",
    to: "",
    neigh: null,      // Set of node ids kept by the neighbourhood view (file mode)
    selected: null,   // selected node id
    seeds: [],        // live mode: entities whose neighbourhood is loaded
    index: [],        // search index: [id, keys[], degree]
    t2s: {},
  };

  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  var nodeView = new vis.DataView(nodes, { filter: nodeVisible });
  var edgeView = new vis.DataView(edges, { filter: edgeVisible });

  // ------------------------------------------------------------------ helpers

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "text") node.textContent = attrs[k];
        else if (k === "class") node.className = attrs[k];
        else if (k === "style") node.style.cssText = attrs[k];
        else node.setAttribute(k, attrs[k]);
      });
    }
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }

  function fold(s) {
    s = String(s || "").normalize("NFKC").toLowerCase().replace(/\s+/g, "");
    var out = "";
    for (var ch of s) out += state.t2s[ch] || ch;
    return out;
  }

  function fmt(n) { return Number(n || 0).toLocaleString("en-US"); }

  function overlaps(first, last, from, to) {
    if (!from && !to) return true;
    if (!first && !last) return true;           // undated items stay visible
    first = first || last; last = last || first;
    if (from && last < from) return false;
    if (to && first > to) return false;
    return true;
  }

  // ------------------------------------------------------------------ filters

  function nodeVisible(n) {
    if (state.typeOn[n.type] === false) return false;
    if (state.neigh && !state.neigh.has(n.id)) return false;
    return overlaps(n.first_seen, n.last_seen, state.from, state.to);
  }

  function edgeVisible(e) {
    if (state.relOn[e.rel] === false) return false;
    if (state.neigh && !(state.neigh.has(e.from) && state.neigh.has(e.to))) return false;
    if (!overlaps(e.first_date, e.last_date, state.from, state.to)) return false;
    // an edge shows only between shown entities (undated maker links included)
    var a = nodes.get(e.from), b = nodes.get(e.to);
    return !!a && !!b && nodeVisible(a) && nodeVisible(b);
  }

  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
    status();
  }

  // ------------------------------------------------------------------ network

  var network = new vis.Network($("tk-graph"), { nodes: nodeView, edges: edgeView }, config.options);
  perf.network = network;

  network.on("afterDrawing", function () {
    perf.draws += 1;
    if (perf.firstDraw === null && nodes.length > 0) {
      perf.firstDraw = performance.now();
      status();
    }
  });

  // Each loaded graph is first shown whole. Labels are measured while drawing,
  // so the view is fitted again after the next draw, with their sizes known
  // (a fit before the first draw cut nodes off at the edges).
  function fitAfterDraw() {
    perf.fitted = false;
    network.fit({ animation: false });
    network.once("afterDrawing", function () {
      network.fit({ animation: false });
      perf.fitted = true;
    });
  }

  network.on("stabilizationIterationsDone", function () {
    // Physics only settles small graphs; then the picture stays still.
    network.setOptions({ physics: { enabled: false } });
    network.fit({ animation: false });
  });

  network.on("click", function (params) {
    if (params.nodes.length) selectNode(params.nodes[0], false);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  network.on("doubleClick", function (params) {
    if (!params.nodes.length) return;
    if (live) expand(params.nodes[0]);
    else showNeighbourhood(params.nodes[0]);
  });

  // ------------------------------------------------------------------ loading

  function load(payload) {
    state.meta = payload.meta || {};
    state.t2s = state.meta.t2s || {};
    state.neigh = null;
    nodes.clear();
    edges.clear();
    nodes.add(payload.nodes || []);
    edges.add(payload.edges || []);
    state.index = (payload.nodes || []).map(function (n) {
      return [n.id, String(n.search || "").split("\n"), n.degree || 0];
    });
    if (live && config.options) {
      var big = !!state.meta.big;
      network.setOptions({
        physics: { enabled: !!state.meta.physics, stabilization: { enabled: !!state.meta.physics, iterations: 150 } },
        interaction: { hideEdgesOnDrag: big, hideEdgesOnZoom: big, hover: !big },
      });
    }
    applySize();
    buildLegend();
    buildChecks($("tk-types"), (state.meta.legend || {}).nodes || [], "type", state.typeOn);
    buildChecks($("tk-rels"), (state.meta.legend || {}).edges || [], "rel", state.relOn);
    var from = $("tk-from"), to = $("tk-to");
    from.min = to.min = state.meta.date_min || "";
    from.max = to.max = state.meta.date_max || "";
    showNotes(state.meta.notes || []);
    perf.loads += 1;
    refresh();
    fitAfterDraw();
    // New data in a live page: settle small graphs now (then fit and freeze, see below).
    if (live && state.meta.physics && perf.loads > 1) network.stabilize(150);
  }

  function showNotes(notes) {
    var box = $("tk-note");
    clear(box);
    notes.forEach(function (t) { box.appendChild(el("p", { text: t })); });
    box.hidden = notes.length === 0;
  }

  function status(extra) {
    var m = state.meta;
    var parts = [
      "显示 " + fmt(nodeView.length) + " / " + fmt(m.total_nodes) + " 实体 entities",
      fmt(edgeView.length) + " / " + fmt(m.total_edges) + " 关系 relations",
    ];
    if (perf.firstDraw !== null) parts.push("drawn in " + Math.round(perf.firstDraw - T0) + " ms");
    if (extra) parts.push(extra);
    $("tk-status").textContent = parts.join(" · ");
  }

  // ------------------------------------------------------------------ legend & checks

  function swatch(color, shape) {
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("width", "18"); svg.setAttribute("height", "18");
    var s;
    if (shape === "diamond") {
      s = document.createElementNS(svg.namespaceURI, "polygon");
      s.setAttribute("points", "9,1 17,9 9,17 1,9");
    } else if (shape === "square") {
      s = document.createElementNS(svg.namespaceURI, "rect");
      s.setAttribute("x", "2"); s.setAttribute("y", "2"); s.setAttribute("width", "14"); s.setAttribute("height", "14");
    } else {
      s = document.createElementNS(svg.namespaceURI, "circle");
      s.setAttribute("cx", "9"); s.setAttribute("cy", "9"); s.setAttribute("r", "7");
    }
    s.setAttribute("fill", color);
    svg.appendChild(s);
    return svg;
  }

  function lineSwatch(style) {
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("width", "34"); svg.setAttribute("height", "12");
    var l = document.createElementNS(svg.namespaceURI, "line");
    l.setAttribute("x1", "1"); l.setAttribute("y1", "6"); l.setAttribute("x2", "27"); l.setAttribute("y2", "6");
    l.setAttribute("stroke", style.color); l.setAttribute("stroke-width", "2.5");
    if (style.dashes) l.setAttribute("stroke-dasharray", style.dashes.join(" "));
    svg.appendChild(l);
    if (style.arrows) {
      var a = document.createElementNS(svg.namespaceURI, "polygon");
      a.setAttribute("points", "27,2 33,6 27,10");
      a.setAttribute("fill", style.color);
      svg.appendChild(a);
    }
    return svg;
  }

  function buildLegend() {
    var box = $("tk-legend");
    clear(box);
    var lg = state.meta.legend || { nodes: [], edges: [] };
    box.appendChild(el("h3", { text: "图例 Legend" }));
    var ul = el("ul");
    lg.nodes.forEach(function (n) {
      ul.appendChild(el("li", { "data-type": n.type }, [swatch(n.color, n.shape), n.label_zh + " " + n.label_en]));
    });
    lg.edges.forEach(function (e) {
      ul.appendChild(el("li", { "data-rel": e.rel }, [lineSwatch(e), e.label_zh + " " + e.label_en]));
    });
    ul.appendChild(el("li", { class: "tk-more", text: "大小 = " + (state.sizeBy === "pagerank" ? "PageRank" : "度 degree") }));
    box.appendChild(ul);
  }

  function buildChecks(box, items, field, on) {
    Array.prototype.slice.call(box.querySelectorAll("label")).forEach(function (l) { box.removeChild(l); });
    items.forEach(function (it) {
      var value = it[field];
      var input = el("input", { type: "checkbox", value: value, "data-filter": field });
      input.checked = on[value] !== false;
      input.addEventListener("change", function () { on[value] = input.checked; refresh(); });
      box.appendChild(el("label", null, [input, " " + it.label_zh + " " + it.label_en]));
    });
  }

  // ------------------------------------------------------------------ size

  function applySize() {
    var key = state.sizeBy === "pagerank" ? "size_pagerank" : "size_degree";
    var updates = [];
    nodes.forEach(function (n) { if (n[key] !== undefined && n.size !== n[key]) updates.push({ id: n.id, size: n[key] }); });
    if (updates.length) nodes.update(updates);
    $("tk-size").value = state.sizeBy;
  }

  $("tk-size").addEventListener("change", function () {
    state.sizeBy = this.value;
    applySize();
    buildLegend();
  });

  // ------------------------------------------------------------------ dates

  function onDates() {
    state.from = $("tk-from").value || "";
    state.to = $("tk-to").value || "";
    refresh();
  }
  $("tk-from").addEventListener("change", onDates);
  $("tk-to").addEventListener("change", onDates);

  // ------------------------------------------------------------------ search

  var suggest = $("tk-suggest");
  var searchBox = $("tk-search");
  var active = -1;
  var searchSeq = 0;

  function localSearch(q) {
    var fq = fold(q);
    if (!fq) return [];
    var hits = [];
    for (var i = 0; i < state.index.length; i++) {
      var row = state.index[i], rank = 9;
      for (var j = 0; j < row[1].length; j++) {
        var k = row[1][j];
        if (k === fq) { rank = 0; break; }
        if (k.indexOf(fq) === 0) rank = Math.min(rank, 1);
        else if (k.indexOf(fq) > 0) rank = Math.min(rank, 2);
      }
      if (rank < 9) hits.push([rank, -row[2], row[0]]);
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : 1); });
    return hits.slice(0, 12).map(function (h) {
      var n = nodes.get(h[2]);
      return { id: n.id, label: n.label, type: n.type, aliases: n.aliases || [] };
    });
  }

  function remoteSearch(q) {
    var seq = ++searchSeq;
    return fetch(api + "/search?q=" + encodeURIComponent(q) + "&limit=12")
      .then(function (r) { return r.ok ? r.json() : { results: [] }; })
      .then(function (j) { return seq === searchSeq ? j.results || [] : null; });
  }

  function showSuggestions(items) {
    if (items === null) return;
    clear(suggest);
    active = -1;
    items.forEach(function (it, i) {
      var other = (it.aliases || []).filter(function (a) { return a !== it.label; }).slice(0, 3).join(" / ");
      var li = el("li", { role: "option", "data-id": it.id }, [it.label, el("small", { text: (it.type || "") + (other ? " · " + other : "") })]);
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(it.id); });
      suggest.appendChild(li);
    });
    if (!items.length && searchBox.value.trim()) suggest.appendChild(el("li", { class: "tk-more", text: "没有结果 No match" }));
    suggest.hidden = !suggest.firstChild;
  }

  function runSearch() {
    var q = searchBox.value.trim();
    if (!q) { showSuggestions([]); return; }
    if (live) remoteSearch(q).then(showSuggestions);
    else showSuggestions(localSearch(q));
  }

  function choose(id) {
    suggest.hidden = true;
    if (live) { state.seeds = [id]; loadGraph(id); }
    else selectNode(id, true);
  }

  searchBox.addEventListener("input", runSearch);
  searchBox.addEventListener("keydown", function (ev) {
    var items = suggest.querySelectorAll("li[data-id]");
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (!items.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      items.forEach(function (li, i) { li.classList.toggle("active", i === active); });
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      var pick = items[active >= 0 ? active : 0];
      if (pick) choose(pick.getAttribute("data-id"));
      else if (live) remoteSearch(searchBox.value.trim()).then(function (r) { if (r && r.length) choose(r[0].id); });
    } else if (ev.key === "Escape") {
      suggest.hidden = true;
    }
  });
  searchBox.addEventListener("blur", function () { setTimeout(function () { suggest.hidden = true; }, 150); });

  // ------------------------------------------------------------------ selection & panel

  function selectNode(id, move) {
    var n = nodes.get(id);
    if (!n) return;
    if (!nodeVisible(n)) {
      state.neigh = null;
      state.typeOn[n.type] = true;
      state.from = state.to = "";
      $("tk-from").value = $("tk-to").value = "";
      buildChecks($("tk-types"), (state.meta.legend || {}).nodes || [], "type", state.typeOn);
      refresh();
    }
    state.selected = id;
    $("tk-neigh").disabled = false;
    try { network.selectNodes([id]); } catch (err) { /* not drawn */ }
    if (move) {
      network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: state.meta.big ? false : { duration: 400 } });
    }
    showNode(n);
  }

  function relatedEdges(id) {
    return edges.get({ filter: function (e) { return e.from === id || e.to === id; } });
  }

  function nodeLabel(id) {
    var n = nodes.get(id);
    return n ? n.label : id;
  }

  function linkButton(text, onClick) {
    var b = el("button", { type: "button", class: "tk-link", text: text });
    b.addEventListener("click", onClick);
    return b;
  }

  function showNode(n) {
    var box = $("tk-details");
    clear(box);
    var style = ((state.meta.legend || {}).nodes || []).filter(function (t) { return t.type === n.type; })[0] || {};
    box.appendChild(el("h2", { class: "tk-node-label", text: n.label }));
    box.appendChild(el("span", { class: "tk-badge", style: "background:" + (style.color || "#888"), text: (style.label_zh || "") + " " + n.type }));
    var dl = el("dl");
    function row(k, v) { if (v !== null && v !== undefined && v !== "") { dl.appendChild(el("dt", { text: k })); dl.appendChild(el("dd", null, [v])); } }
    if (n.name_en && n.name_en !== n.label) row("英文 English", n.name_en);
    var aliases = el("span", { class: "tk-aliases" });
    (n.aliases || []).forEach(function (a) { aliases.appendChild(el("span", { class: "tk-alias", text: a })); });
    row("别名 Aliases", aliases);
    row("文章 Articles", n.articles === null || n.articles === undefined ? null : String(n.articles));
    row("首次 First seen", n.first_seen || null);
    row("最近 Last seen", n.last_seen || null);
    row("度 Degree", String(n.degree || 0));
    if (n.maker) row("制造商 Maker", nodes.get(n.maker) ? linkButton(nodeLabel(n.maker), function () { selectNode(n.maker, true); }) : n.maker);
    box.appendChild(dl);

    var groups = { partnership: [], release_out: [], release_in: [], maker_out: [], maker_in: [], other: [] };
    relatedEdges(n.id).forEach(function (e) {
      var other = e.from === n.id ? e.to : e.from;
      var key = e.rel === "partnership" ? "partnership"
        : (e.rel === "release" || e.rel === "maker") ? e.rel + (e.from === n.id ? "_out" : "_in") : "other";
      groups[key].push([e, other]);
    });
    var titles = {
      partnership: "合作伙伴 Partners", release_out: "发布的产品 Products released",
      release_in: "发布方 Released by", maker_out: "制造的产品 Makes", maker_in: "制造商 Made by", other: "其他 Other",
    };
    Object.keys(titles).forEach(function (k) {
      if (!groups[k].length) return;
      box.appendChild(el("h3", { text: titles[k] + " (" + groups[k].length + ")" }));
      var ul = el("ul", { class: "tk-rel", "data-group": k });
      groups[k].slice(0, 200).forEach(function (pair) {
        ul.appendChild(el("li", null, [
          linkButton(nodeLabel(pair[1]), function () { selectNode(pair[1], true); }), " ",
          linkButton("证据 evidence", function () { showEdge(pair[0].id); }),
        ]));
      });
      box.appendChild(ul);
    });
    if (live) {
      box.appendChild(el("p", null, [el("a", { href: "/entity?iri=" + encodeURIComponent(n.id), class: "tk-entity-link", text: "实体页 Entity page →" })]));
    }
  }

  function showEdge(id) {
    var e = edges.get(id);
    if (!e) return;
    try { network.selectEdges([id]); } catch (err) { /* edge hidden by a filter */ }
    var style = ((state.meta.legend || {}).edges || []).filter(function (t) { return t.rel === e.rel; })[0] || {};
    var box = $("tk-details");
    clear(box);
    var head = el("h2", null, [
      linkButton(nodeLabel(e.from), function () { selectNode(e.from, true); }),
      " — " + (style.label_zh || e.rel) + " " + e.rel + (e.rel === "partnership" ? " — " : " → "),
      linkButton(nodeLabel(e.to), function () { selectNode(e.to, true); }),
    ]);
    box.appendChild(head);
    var dl = el("dl");
    function row(k, v) { if (v !== null && v !== undefined && v !== "") { dl.appendChild(el("dt", { text: k })); dl.appendChild(el("dd", { text: String(v) })); } }
    row("事件 Events", e.weight);
    row("置信度 Confidence", e.confidence);
    row("日期 Dates", e.first_date ? (e.first_date === e.last_date ? e.first_date : e.first_date + " – " + e.last_date) : null);
    box.appendChild(dl);
    box.appendChild(el("h3", { text: "证据 Evidence" }));
    var ol = el("ol", { class: "tk-evidence" });
    (e.evidence || []).forEach(function (ev) {
      var url = safeUrl(ev.url);
      var source = el("div", { class: "tk-src" });
      if (url) source.appendChild(el("a", { href: url, target: "_blank", rel: "noopener noreferrer", text: ev.title || url }));
      else if (ev.title) source.appendChild(document.createTextNode(ev.title));
      if (ev.date) source.appendChild(document.createTextNode(" · " + ev.date));
      if (ev.confidence !== null && ev.confidence !== undefined) source.appendChild(document.createTextNode(" · " + ev.confidence));
      ol.appendChild(el("li", null, [el("blockquote", { class: "tk-sentence", text: ev.text }), source]));
    });
    box.appendChild(ol);
    if (!(e.evidence || []).length) box.appendChild(el("p", { class: "tk-more", text: "没有证据句 No evidence sentence for this link." }));
    if (e.evidence_total > (e.evidence || []).length) {
      box.appendChild(el("p", { class: "tk-more", text: "另有 " + (e.evidence_total - e.evidence.length) + " 条 more sentences" + (live ? " on the entity page." : ".") }));
    }
  }

  // ------------------------------------------------------------------ neighbourhood

  function hops() { return parseInt($("tk-hops").value, 10) || 1; }

  function showNeighbourhood(id) {
    if (live) { state.seeds = [id]; loadGraph(id); return; }
    var adj = {};
    edges.forEach(function (e) {
      if (state.relOn[e.rel] === false) return;
      (adj[e.from] = adj[e.from] || []).push(e.to);
      (adj[e.to] = adj[e.to] || []).push(e.from);
    });
    var keep = new Set([id]), frontier = [id];
    for (var h = 0; h < hops(); h++) {
      var next = [];
      frontier.forEach(function (n) { (adj[n] || []).forEach(function (m) { if (!keep.has(m)) { keep.add(m); next.push(m); } }); });
      frontier = next;
    }
    state.neigh = keep;
    refresh();
    network.fit({ nodes: Array.from(keep), animation: false });
    network.selectNodes([id]);
    status("邻域 neighbourhood of " + nodeLabel(id) + ", " + hops() + " hop(s)");
  }

  $("tk-neigh").addEventListener("click", function () { if (state.selected) showNeighbourhood(state.selected); });
  $("tk-all").addEventListener("click", function () {
    if (live) { state.seeds = []; loadGraph(null); return; }
    state.neigh = null;
    refresh();
    network.fit({ animation: false });
  });

  // ------------------------------------------------------------------ live mode

  function loadGraph(id) {
    var url = api + "/graph?hops=" + hops();
    state.seeds.forEach(function (s) { url += "&iri=" + encodeURIComponent(s); });
    status("loading…");
    return fetch(url).then(function (r) {
      if (!r.ok) return r.json().then(function (j) { throw new Error(j.error || r.statusText); });
      return r.json();
    }).then(function (payload) {
      load(payload);
      if (id && nodes.get(id)) selectNode(id, false);
    }).catch(function (err) { showNotes([String(err.message || err)]); });
  }

  function expand(id) {
    if (state.seeds.indexOf(id) < 0) state.seeds.push(id);
    loadGraph(id);
  }

  // ------------------------------------------------------------------ start

  load(data);
  var focus = (state.meta.focus || [])[0];
  if (live && focus) state.seeds = state.meta.focus.slice();
  if (focus && nodes.get(focus)) {
    state.selected = focus;
    $("tk-neigh").disabled = false;
    network.selectNodes([focus]);
    showNode(nodes.get(focus));
  }
  var params = new URLSearchParams(window.location.search);
  if (live && params.get("iri")) { state.seeds = [params.get("iri")]; loadGraph(params.get("iri")); }
  perf.ready = true;
})();
