/* Small helpers served by the app itself: URL state without reload, chart export, <html lang>. */
window.twincity = window.twincity || {};
window.twincity.syncUrl = function (params) {
  var q = new URLSearchParams();
  /* the city pair is part of every view: a control never drops it */
  var pair = new URLSearchParams(window.location.search).get("pair");
  if (pair && !("pair" in params)) { q.set("pair", pair); }
  Object.keys(params).forEach(function (k) {
    var v = params[k];
    if (Array.isArray(v)) { v = v.join(","); }
    if (v !== null && v !== undefined && v !== "") { q.set(k, String(v)); }
  });
  var s = q.toString();
  var url = window.location.pathname + (s ? "?" + s : "") + window.location.hash;
  /* after the chart is drawn: the address is not what the click waits for (replacing it took 10–15 ms) */
  clearTimeout(window.twincity.syncUrl.pending);
  window.twincity.syncUrl.pending = setTimeout(function () {
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(window.history.state, "", url);
    }
    window.twincity.updateLangLinks();
  }, 0);
  return s;
};
/* A years slider's range and a milestones check box as address parameters ("1990-2020", "1"). */
window.twincity.yearsParam = function (years) { return years ? years[0] + "-" + years[1] : ""; };
window.twincity.eventsParam = function (events) { return (events && events.length) ? "1" : ""; };
/* The people page's address from its controls (each control's callback sets it: no callback of its own). */
window.twincity.peopleUrl = function (basis, view, base, years, events) {
  return window.twincity.syncUrl({basis: basis, view: view, base: base, years: window.twincity.yearsParam(years),
                                  events: window.twincity.eventsParam(events)});
};
/* The energy page's address from its controls. */
window.twincity.energyUrl = function (indicator, areas, years, events) {
  return window.twincity.syncUrl({indicator: indicator, areas: areas, years: window.twincity.yearsParam(years),
                                  events: window.twincity.eventsParam(events)});
};
window.twincity.updateLangLinks = function () {
  var rest = window.location.pathname.replace(/^\/(en|de|ja)/, "");
  document.querySelectorAll(".lang-switch a[hreflang]").forEach(function (a) {
    a.setAttribute("href", "/" + a.getAttribute("hreflang") + rest + window.location.search);
  });
  var m = window.location.pathname.match(/^\/(en|de|ja)(\/|$)/);
  if (m) { document.documentElement.setAttribute("lang", m[1]); }
};
document.addEventListener("click", function (ev) {
  var btn = ev.target.closest && ev.target.closest(".btn-export");
  if (!btn || !window.Plotly) { return; }
  var holder = document.getElementById(btn.getAttribute("data-graph"));
  var gd = holder && (holder.classList.contains("js-plotly-plot") ? holder : holder.querySelector(".js-plotly-plot"));
  if (!gd) { return; }
  var options = {format: btn.getAttribute("data-format"), filename: btn.getAttribute("data-filename"),
                 width: gd.offsetWidth, height: gd.offsetHeight, scale: 2};
  var card = btn.closest(".chart-card"), list = card && card.querySelector(".chart-legend");
  if (list) {   /* the page lists the lines under the chart: the image carries plotly's legend instead (in the */
    options.height += list.offsetHeight;   /* room the list takes), drawn from a copy: plotly draws into what it gets */
    var copy = JSON.parse(JSON.stringify({data: gd.data, layout: gd.layout}));
    copy.layout.showlegend = true;
    window.Plotly.downloadImage({data: copy.data, layout: copy.layout, config: gd._context}, options);
    return;
  }
  window.Plotly.downloadImage(gd, options);
});
window.twincity.openEvent = function (clickData) {
  var p = clickData && clickData.points && clickData.points[0];
  if (!p || typeof p.customdata !== "string") { return ""; }
  var m = window.location.pathname.match(/^\/(en|de|ja)/);
  var pair = new URLSearchParams(window.location.search).get("pair");
  window.location.assign("/" + (m ? m[1] : "en") + "/timeline?" + (pair ? "pair=" + encodeURIComponent(pair) + "&" : "")
                         + "event=" + encodeURIComponent(p.customdata));
  return p.customdata;
};
/* Switch language in place (no reload, plotly.js stays compiled): the page is rendered again for the
   new language path with the same query, exactly as a bookmark of that address would show it. */
document.addEventListener("click", function (ev) {
  var a = ev.target.closest && ev.target.closest(".lang-switch a[hreflang]");
  if (!a || ev.defaultPrevented || ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) { return; }
  var lang = a.getAttribute("hreflang");
  var rest = window.location.pathname.replace(/^\/(en|de|ja)(?=\/|$)/, "");
  ev.preventDefault();
  window.history.pushState({}, "", "/" + lang + rest + window.location.search + window.location.hash);
  window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
  document.documentElement.setAttribute("lang", lang);
});
window.addEventListener("popstate", function () { window.twincity.updateLangLinks(); });
/* The skip link moves focus without touching the address (a hash change would re-render the page). */
document.addEventListener("click", function (ev) {
  var a = ev.target.closest && ev.target.closest("a.skip-link");
  if (!a) { return; }
  var main = document.getElementById("main");
  if (!main) { return; }
  ev.preventDefault();
  main.focus();
  main.scrollIntoView();
});
/* Show or hide the traces of one layer of a figure (meta.role: milestones, districts) in the browser: the
   figure carries the layer hidden, so a check box needs no round trip. Returns a new figure for dcc.Graph. */
window.twincity.showLayer = function (checked, figure, roles) {
  if (!figure || !figure.data) { return window.dash_clientside.no_update; }
  var visible = Boolean(checked && checked.length);
  return Object.assign({}, figure, {data: figure.data.map(function (tr) {
    return tr.meta && roles.indexOf(tr.meta.role) >= 0 ? Object.assign({}, tr, {visible: visible}) : tr;
  })});
};
/* Whether a shown line has a point in the years the x axis spans (meta.years: the years of its points). */
window.twincity.anyShown = function (data, xrange) {
  var lo = parseInt(String(xrange[0]).slice(0, 4), 10), hi = parseInt(String(xrange[1]).slice(0, 4), 10);
  return data.some(function (tr) {
    return tr.visible !== false && tr.meta && tr.meta.years &&
      tr.meta.years.some(function (y) { return y >= lo && y <= hi; });
  });
};
window.twincity.noDataNote = function (layout, data) {
  var range = layout.xaxis && layout.xaxis.range;
  var any = range ? window.twincity.anyShown(data, range) : data.some(function (tr) {
    return tr.visible !== false && tr.meta && tr.meta.basis;
  });
  return (layout.annotations || []).map(function (a) {
    return a.name === "no-data" ? Object.assign({}, a, {visible: !any}) : a;
  });
};
/* Show the lines of the chosen bases (meta.basis) and hide the others, and the "no data" note when no line is
   left: the people charts carry every basis (their axes span all), so the check boxes need no round trip. */
window.twincity.showBases = function (bases, figure) {
  if (!figure || !figure.data) { return window.dash_clientside.no_update; }
  var chosen = bases || [];
  var data = figure.data.map(function (tr) {
    if (!tr.meta || !tr.meta.basis) { return tr; }
    return Object.assign({}, tr, {visible: chosen.indexOf(tr.meta.basis) >= 0});
  });
  var layout = figure.layout || {};
  return Object.assign({}, figure, {data: data, layout: Object.assign({}, layout,
    {annotations: window.twincity.noDataNote(layout, data)})});
};
/* Show a chart of every year for the window ``years`` ([first, last]): x range, the y axis and left margin the
   server worked out for that window (``windows``, see dashboard/figures/year_windows.py) and the y range of the
   window's values — the years slider needs no round trip. Mirrors year_windows.shown. */
window.twincity.showYears = function (years, figure, windows) {
  if (!figure || !figure.data || !windows || !windows.axes || !windows.axes.length || !years) {
    return window.dash_clientside.no_update;
  }
  var lo = years[0], hi = years[1];
  var layout = Object.assign({}, figure.layout || {});
  layout.xaxis = Object.assign({}, layout.xaxis, {range: [lo + "-01-01", hi + "-12-31"]});
  var row = windows.index[lo - windows.first];
  var k = row && hi >= lo ? row[hi - lo] : undefined;
  var ylo = lo, yhi = hi;
  if (k === undefined || k < 0) {           /* a window without rows keeps the axis of the whole span */
    ylo = windows.first;
    yhi = windows.first + windows.index.length - 1;
    k = windows.index[0][yhi - ylo];
  }
  var axis = windows.axes[k];
  layout.yaxis = Object.assign({}, layout.yaxis, {tickmode: "array", tickvals: axis.tickvals,
                                                  ticktext: axis.ticktext, range: window.twincity.yRange(windows, ylo, yhi)});
  layout.margin = Object.assign({}, layout.margin, {l: axis.left});
  layout.annotations = window.twincity.noDataNote(layout, figure.data);
  return Object.assign({}, figure, {layout: layout});
};
/* The people page's population chart for a choice of its controls, from the chart of every view and base year the
   page carries (``variants``, see PeopleView.population_variants): no round trip. Sets the address too. */
window.twincity.peoplePopulation = function (variants, basis, view, base, years, events) {
  window.twincity.peopleUrl(basis, view, base, years, events);
  var chosen = variants && variants[view === "index" ? "index-" + base : "absolute"];
  if (!chosen) { return window.dash_clientside.no_update; }
  var figure = window.twincity.showLayer(events, window.twincity.showBases(basis, chosen.figure), ["milestones"]);
  return window.twincity.inWindow(years, figure, chosen.windows);
};
/* The people page's density chart (every basis and year) for the bases and years chosen. */
window.twincity.peopleDensity = function (density, windows, basis, years) {
  return window.twincity.inWindow(years, window.twincity.showBases(basis, density), windows);
};
/* showYears, but a chart without rows in any window (the "no data" figure) is shown as it is */
window.twincity.inWindow = function (years, figure, windows) {
  var none = !windows || !windows.axes || !windows.axes.length;
  return none || figure === window.dash_clientside.no_update ? figure : window.twincity.showYears(years, figure, windows);
};
/* Show, in the list under a chart (components/chart_legend.py), the lines a keyed figure draws (meta.swatch; the
   item's text is the line's name) and hide the others. The list holds every line the page may draw there: a
   control changes only which items are hidden, in place (rendering the list again took 15 ms of a click). */
window.twincity.showLegend = function (graphId, figure) {
  var list = document.getElementById(graphId + "-legend");
  if (!list || !figure || !figure.data) { return; }
  var shown = {};
  figure.data.forEach(function (tr) { if (tr.meta && tr.meta.swatch && tr.visible !== false) { shown[tr.name] = true; } });
  list.querySelectorAll("li").forEach(function (li) { li.hidden = !shown[li.textContent]; });
};
window.twincity.yRange = function (windows, lo, hi) {
  var low = Infinity, high = -Infinity;
  for (var i = Math.max(lo - windows.first, 0); i <= hi - windows.first && i < windows.lows.length; i++) {
    if (windows.lows[i] !== null) { low = Math.min(low, windows.lows[i]); high = Math.max(high, windows.highs[i]); }
  }
  if (low > high) { return undefined; }
  if (windows.zero) { low = Math.min(low, 0); high = Math.max(high, 0); }
  var pad = (high - low) * windows.padding || Math.abs(high) * windows.padding || 1;
  return [low - pad, high + pad];
};
