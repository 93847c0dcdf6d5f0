/* The energy page's renewable shares, drawn in the browser for the chosen measures and places: the server
   sends one description of every panel (dashboard/figures/share_panels.py: share_store), this picks from it
   exactly as share_figure does there, so the check boxes need no round trip. */
window.twincity = window.twincity || {};
window.twincity.energyPanels = function (store, indicators, areas, events) {
  if (!store || !store.grids) { return window.dash_clientside.no_update; }
  /* the milestones alone: the figure drawn last with their trace shown or hidden (plotly redraws less) */
  var last = window.twincity.energyPanels.last, key = JSON.stringify([indicators || [], areas || []]);
  if (last && last.store === store && last.key === key) {
    return window.twincity.showLayer(events, last.figure, ["milestones"]);
  }
  var figure = window.twincity.energyPanels.draw(store, indicators, areas, events);
  window.twincity.energyPanels.last = {store: store, key: key, figure: figure};
  return figure;
};
window.twincity.energyPanels.draw = function (store, indicators, areas, events) {
  var copy = function (x) { return JSON.parse(JSON.stringify(x)); };
  var chosen = function (area) { return (areas || []).indexOf(area) >= 0; };
  var suffix = function (n) { return n === 1 ? "" : String(n); };
  /* a panel for each chosen measure that has a line of a chosen place */
  var panels = store.measures.filter(function (m) {
    return (indicators || []).indexOf(m.id) >= 0 && m.lines.some(function (l) { return chosen(l.area); });
  });
  if (!panels.length) { return copy(store.empty); }
  var layout = copy(store.grids[panels.length - 1]);
  if (store.template) { layout.template = copy(store.template); }   /* the same for every grid: sent once */
  var data = [], inLegend = {}, left = 0;
  panels.forEach(function (m, i) {
    var n = i + 1, axes = {xaxis: "x", yaxis: "y" + suffix(n)};
    layout.annotations[i].text = m.title;
    m.lines.forEach(function (l) {
      if (!chosen(l.area)) { return; }
      /* the legend names a place once: at its first line */
      data.push(Object.assign({}, l.trace, axes, {showlegend: !inLegend[l.area]}));
      inLegend[l.area] = true;
    });
    m.stars.forEach(function (s) { if (chosen(s.area)) { data.push(Object.assign({}, s.trace, axes)); } });
    /* the panel's axis: that of the chosen place with the highest figure (ticks formatted by the server) */
    var top = null;
    m.axes.forEach(function (a) { if (chosen(a.area) && (top === null || a.top > top.top)) { top = a; } });
    Object.assign(layout["yaxis" + suffix(n)], copy(top.axis));
    left = Math.max(left, top.margin);
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
