(function () {
  "use strict";
  var all = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  var detail = document.getElementById("detail");
  var hint = detail.innerHTML;
  var current = 0;

  function clearSelection() {
    all(".hl").forEach(function (el) { el.classList.remove("hl"); });
    all(".hl-point").forEach(function (el) { el.classList.remove("hl-point"); });
    all(".ps.selected").forEach(function (el) { el.classList.remove("selected"); });
    detail.innerHTML = hint;
  }

  function select(ps) {
    clearSelection();
    ps.classList.add("selected");
    var first = null;
    (ps.getAttribute("data-sources") || "").split(" ").filter(Boolean).forEach(function (id) {
      var el = document.getElementById(id);
      if (!el) { return; }
      el.classList.add("hl");
      var point = el.closest(".point");
      if (point) { point.classList.add("hl-point"); }
      first = first || el;
    });
    if (first) { first.scrollIntoView({ block: "center" }); }
    var store = document.getElementById("d-" + ps.id);
    detail.innerHTML = "";
    if (store) { detail.appendChild(store.cloneNode(true)).removeAttribute("id"); }
  }

  function showArticle(index) {
    current = index;
    all(".article").forEach(function (a) { a.hidden = Number(a.getAttribute("data-article")) !== index; });
    all(".point").forEach(function (p) {
      var cov = JSON.parse(p.getAttribute("data-coverage"))[index];
      var status = cov ? cov.status : "none";
      var cell = document.querySelector('.strip .cell[data-point="' + p.id + '"]');
      [p, cell].forEach(function (el) {
        if (!el) { return; }
        el.classList.remove("st-covered", "st-partial", "st-omitted", "st-none");
        el.classList.add("st-" + status);
      });
      p.querySelector(".badge").textContent = cov ? cov.status + " " + cov.score : "";
      var missing = p.querySelector(".missing");
      missing.hidden = !(cov && cov.missing);
      missing.querySelector(".items").textContent = cov ? cov.missing : "";
    });
    all(".finding").forEach(function (f) {
      var scope = f.getAttribute("data-scope");
      f.hidden = scope !== "all" && Number(scope) !== index;
    });
    document.querySelector(".findings .none").hidden = all(".finding:not([hidden])").length > 0;
    clearSelection();
    applyFilters();
  }

  function applyFilters() {
    var relations = all('#relation-filter input:checked').map(function (i) { return "rel-" + i.value; });
    var statuses = all('#status-filter input:checked').map(function (i) { return "st-" + i.value; });
    all(".ps").forEach(function (ps) {
      ps.classList.toggle("filtered", !relations.some(function (c) { return ps.classList.contains(c); }));
    });
    all(".point, .strip .cell").forEach(function (el) {
      var shown = el.classList.contains("st-none") || statuses.some(function (c) { return el.classList.contains(c); });
      el.classList.toggle("filtered", !shown);
    });
  }

  function goTo(link) {
    var article = Number(link.getAttribute("data-article"));
    if (article >= 0 && article !== current) {
      var chooser = document.getElementById("article-select");
      if (chooser) { chooser.value = String(article); }
      showArticle(article);
    }
    var target = document.getElementById(link.getAttribute("data-target") || "");
    if (!target) { return; }
    if (target.classList.contains("ps")) { select(target); } else {
      clearSelection();
      target.classList.add("hl");
    }
    target.scrollIntoView({ block: "center" });
  }

  document.addEventListener("click", function (e) {
    var link = e.target.closest("a[data-target]");
    if (link) { e.preventDefault(); goTo(link); return; }
    var ps = e.target.closest(".ps");
    if (ps) { select(ps); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && e.target.classList && e.target.classList.contains("ps")) { select(e.target); }
  });
  all(".filter input").forEach(function (i) { i.addEventListener("change", applyFilters); });
  var chooser = document.getElementById("article-select");
  if (chooser) { chooser.addEventListener("change", function () { showArticle(Number(chooser.value)); }); }
  showArticle(0);

  // `#selftest`: click the press sentence with the most sources, as a person would, and record
  // which one, so a headless browser's DOM dump shows the result of the interaction.
  if (location.hash === "#selftest") {
    var best = null;
    all('.article[data-article="0"] .ps').forEach(function (ps) {
      var n = (ps.getAttribute("data-sources") || "").split(" ").filter(Boolean).length;
      if (n > 0 && (!best || n > best.n)) { best = { ps: ps, n: n }; }
    });
    if (best) { best.ps.click(); }
    document.body.setAttribute("data-selftest-clicked", best ? best.ps.id : "");
  }
})();
