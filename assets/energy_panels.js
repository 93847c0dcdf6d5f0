/* The energy page's renewable shares, drawn in the browser for the chosen measures, places and years: the server
   sends one description of every panel and year (dashboard/figures/share_panels.py: share_store), this picks
   from it exactly as share_figure does there, so no control of the chart needs a round trip. */
window.twincity = window.twincity || {};
window.twincity.energyPanels = function (store, indicators, areas, events, years) {
  if (!store || !store.grids || !years) { return window.dash_clientside.no_update; }
  /* the milestones alone: the figure drawn last with their trace shown or hidden (plotly redraws less) */
  var last = window.twincity.energyPanels.last, key = JSON.stringify([indicators || [], areas || [], years]);
  if (last && last.store === store && last.key === key) {
    return window.twincity.showLayer(events, last.figure, ["milestones"]);
  }
  var figure = window.twincity.energyPanels.draw(store, indicators, areas, events, years);
  window.twincity.energyPanels.last = {store: store, key: key, figure: figure};
  return figure;
};
window.twincity.energyPanels.draw = function (store, indicators, areas, events, years) {
  var copy = function (x) { return JSON.parse(JSON.stringify(x)); };
  var chosen = function (area) { return (areas || []).indexOf(area) >= 0; };
  var suffix = function (n) { return n === 1 ? "" : String(n); };
  var lo = years[0], hi = years[1];
  var inWindow = function (line) { return line.years.some(function (y) { return y >= lo && y <= hi; }); };
  /* the highest figure of a place in a panel: its values within the years, and its target (null: neither) */
  var topOf = function (m, area) {
    var top = null;
    m.lines.forEach(function (l) {
      if (l.area !== area) { return; }
      l.years.forEach(function (y, i) {
        if (y >= lo && y <= hi && (top === null || l.trace.y[i] > top)) { top = l.trace.y[i]; }
      });
    });
    if (Object.prototype.hasOwnProperty.call(m.targets, area) && (top === null || m.targets[area] > top)) {
      top = m.targets[area];
    }
    return top;
  };
  /* a panel for each chosen measure that has a line of a chosen place with a figure within the years */
  var panels = store.measures.filter(function (m) {
    return (indicators || []).indexOf(m.id) >= 0 && m.lines.some(function (l) { return chosen(l.area) && inWindow(l); });
  });
  if (!panels.length) { return copy(store.empty); }
  var layout = copy(store.grids[panels.length - 1]);
  layout.xaxis.range = [lo + "-01-01", hi + "-12-31"];
  var data = [], inLegend = {}, left = 0;
  panels.forEach(function (m, i) {
    var n = i + 1, axes = {xaxis: "x", yaxis: "y" + suffix(n)};
    layout.annotations[i].text = m.title;
    m.lines.forEach(function (l) {
      if (!chosen(l.area) || !inWindow(l)) { return; }
      /* the legend names a place once: at its first line; a line is drawn whole (the x axis shows the years) */
      data.push(Object.assign({}, l.trace, axes, {showlegend: !inLegend[l.area]}));
      inLegend[l.area] = true;
    });
    m.stars.forEach(function (s) { if (chosen(s.area)) { data.push(Object.assign({}, s.trace, axes)); } });
    /* the panel's axis: that of the chosen place with the highest figure, for that figure (ticks by the server) */
    var top = null, area = null;
    (areas || []).slice().sort().forEach(function (a) {
      var v = topOf(m, a);
      if (v !== null && (top === null || v > top)) { top = v; area = a; }
    });
    var axis = m.axes.filter(function (a) { return a.area === area && a.top === top; })[0];
    Object.assign(layout["yaxis" + suffix(n)], copy(axis.axis));
    left = Math.max(left, axis.margin);
  });
  if (store.target_areas.some(chosen)) {   /* a target period as a band across every panel */
    layout.shapes = [];
    store.bands.filter(function (b) { return chosen(b.area); }).forEach(function (b) {
      panels.forEach(function (m, i) {
        layout.shapes.push(Object.assign({}, b.shape, {yref: "y" + suffix(i + 1) + " domain"}));
      });
    });
  }
  if (store.milestones) {
    data.push(Object.assign({}, store.milestones, {yaxis: "y" + suffix(panels.length),
                                                   visible: Boolean(events && events.length)}));
  }
  layout.margin = Object.assign({}, layout.margin, {l: left});   /* the widest tick label's (fixed_margins) */
  return {data: data, layout: layout};
};
