/* Presenter keyboard and buttons: → Space PageDown ↓ next, ← PageUp ↑ back (Shift+Space back), Home / End,
   Q QR code, N notes, F full screen, Esc closes. Stops at the first and the last slide (no wrap).
   Live (Dash): each slide is a URL /<lang>/present/<n>; history.pushState + Dash's router render it.
   Static (exported HTML): all slides are in the file; the URL's hash (#3) follows the slide. */
(function () {
  "use strict";
  var doc = document.documentElement;

  function root() { return document.getElementById("present-root"); }
  function isStatic(r) { return r.getAttribute("data-mode") === "static"; }
  function total(r) { return Math.max(1, parseInt(r.getAttribute("data-count"), 10) || 1); }
  function clamp(n, r) { return Math.max(1, Math.min(total(r), n)); }

  function current(r) {
    if (isStatic(r)) {
      var h = parseInt((window.location.hash || "").replace(/^#/, ""), 10);
      return clamp(isNaN(h) ? 1 : h, r);
    }
    var m = window.location.pathname.match(/\/present\/(\d+)\/?$/);
    if (m) { return clamp(parseInt(m[1], 10), r); }
    var q = parseInt(new URLSearchParams(window.location.search).get("slide"), 10);
    return clamp(isNaN(q) ? 1 : q, r);
  }

  function showStatic(r, n) {
    var slides = r.querySelectorAll(".slide");
    for (var i = 0; i < slides.length; i++) {
      slides[i].classList.toggle("current", i === n - 1);
      slides[i].setAttribute("aria-hidden", i === n - 1 ? "false" : "true");
    }
    r.setAttribute("data-index", String(n));
    var counter = r.querySelector("[data-present-counter]");
    var template = r.getAttribute("data-counter") || "{n} / {total}";
    if (counter) { counter.textContent = template.replace("{n}", n).replace("{total}", total(r)); }
  }

  function go(target) {
    var r = root();
    if (!r) { return; }
    var now = current(r);
    var n = clamp(target, r);
    doc.classList.remove("present-qr-open");
    if (n === now) { return; }
    if (isStatic(r)) {
      window.history.pushState(null, "", "#" + n);
      showStatic(r, n);
      return;
    }
    var params = new URLSearchParams(window.location.search);
    params.delete("slide");
    var query = params.toString();
    window.history.pushState({}, "", r.getAttribute("data-base") + "/" + n + (query ? "?" + query : ""));
    window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
  }

  function step(delta) { var r = root(); if (r) { go(current(r) + delta); } }
  function toggle(name) { doc.classList.toggle("present-" + name + "-open"); }
  function fullscreen() {
    if (document.fullscreenElement) { document.exitFullscreen(); }
    else if (doc.requestFullscreen) { doc.requestFullscreen().catch(function () {}); }
  }

  document.addEventListener("keydown", function (ev) {
    if (!root() || ev.defaultPrevented || ev.altKey || ev.ctrlKey || ev.metaKey) { return; }
    var el = ev.target;
    if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) { return; }
    if (el && el.tagName === "BUTTON" && (ev.key === " " || ev.key === "Enter")) { return; }
    switch (ev.key) {
      case "ArrowRight": case "ArrowDown": case "PageDown": case "Right": case "Down":
        step(1); break;
      case " ": case "Spacebar":
        step(ev.shiftKey ? -1 : 1); break;
      case "ArrowLeft": case "ArrowUp": case "PageUp": case "Left": case "Up":
        step(-1); break;
      case "Home": go(1); break;
      case "End": go(total(root())); break;
      case "q": case "Q": toggle("qr"); break;
      case "n": case "N": toggle("notes"); break;
      case "f": case "F": fullscreen(); break;
      case "Escape": case "Esc":
        doc.classList.remove("present-qr-open"); doc.classList.remove("present-notes-open"); return;
      default: return;
    }
    ev.preventDefault();
  });

  document.addEventListener("click", function (ev) {
    if (!root() || !ev.target.closest) { return; }
    var btn = ev.target.closest("[data-present-go], [data-present-toggle], [data-present-fullscreen]");
    if (!btn) {
      if (ev.target.classList && ev.target.classList.contains("present-overlay")) { doc.classList.remove("present-qr-open"); }
      return;
    }
    var where = btn.getAttribute("data-present-go");
    if (where === "next") { step(1); }
    else if (where === "prev") { step(-1); }
    else if (where === "first") { go(1); }
    else if (where === "last") { go(total(root())); }
    else if (btn.hasAttribute("data-present-toggle")) { toggle(btn.getAttribute("data-present-toggle")); }
    else if (btn.hasAttribute("data-present-fullscreen")) { fullscreen(); }
  });

  document.addEventListener("fullscreenchange", function () {
    doc.classList.toggle("present-fullscreen", !!document.fullscreenElement);
  });

  function syncStatic() { var r = root(); if (r && isStatic(r)) { showStatic(r, current(r)); } }
  /* Static file: each chart was drawn while the page was still being read, before the slide's footer
     existed, so it may be too tall: size every chart to its box once the whole page is there. */
  function fitCharts() {
    var r = root();
    if (!r || !isStatic(r) || !window.Plotly) { return; }
    r.querySelectorAll(".js-plotly-plot").forEach(function (gd) { window.Plotly.Plots.resize(gd); });
  }
  window.addEventListener("load", fitCharts);
  window.addEventListener("hashchange", syncStatic);
  window.addEventListener("popstate", syncStatic);
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", syncStatic); }
  else { syncStatic(); }
})();
