/* Small helpers served by the app itself: URL state without reload, chart export, <html lang>. */
window.twincity = window.twincity || {};
window.twincity.syncUrl = function (params) {
  var q = new URLSearchParams();
  Object.keys(params).forEach(function (k) {
    var v = params[k];
    if (Array.isArray(v)) { v = v.join(","); }
    if (v !== null && v !== undefined && v !== "") { q.set(k, String(v)); }
  });
  var s = q.toString();
  var url = window.location.pathname + (s ? "?" + s : "") + window.location.hash;
  if (url !== window.location.pathname + window.location.search + window.location.hash) {
    window.history.replaceState(window.history.state, "", url);
  }
  window.twincity.updateLangLinks();
  return s;
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
  window.Plotly.downloadImage(gd, {format: btn.getAttribute("data-format"), filename: btn.getAttribute("data-filename"),
                                   width: gd.offsetWidth, height: gd.offsetHeight, scale: 2});
});
window.twincity.openEvent = function (clickData) {
  var p = clickData && clickData.points && clickData.points[0];
  if (!p || typeof p.customdata !== "string") { return ""; }
  var m = window.location.pathname.match(/^\/(en|de|ja)/);
  window.location.assign("/" + (m ? m[1] : "en") + "/timeline?event=" + encodeURIComponent(p.customdata));
  return p.customdata;
};
