// claimcheck's HTML report, its one script: opens the collapsed article a
// link lands in (and every one before printing), and filters the findings.
(function () {
  "use strict";
  // Open the <details> around the link's target, then go to it.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) { return; }
    for (var e = target.parentElement; e; e = e.parentElement) {
      if (e.tagName === "DETAILS") { e.open = true; }
    }
    target.scrollIntoView();
  }
  window.addEventListener("hashchange", reveal);
  reveal();
  // Print everything: open every <details>, close them again after.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
  var form = document.getElementById("filters");
  var rows = document.querySelectorAll("#findings-table tbody tr");
  var shown = document.getElementById("shown");
  function apply() {
    var on = {};
    form.querySelectorAll("input[type=checkbox]").forEach(function (c) {
      on[c.name + "=" + c.value] = c.checked;
    });
    var n = 0;
    rows.forEach(function (r) {
      var show = on["rule=" + r.getAttribute("data-rule")] !== false &&
        on["severity=" + r.getAttribute("data-severity")] !== false;
      r.hidden = !show;
      if (show) { n += 1; }
    });
    if (shown) { shown.textContent = String(n); }
  }
  if (form) {
    form.hidden = false;
    form.addEventListener("change", apply);
    apply();
  }
  document.body.setAttribute("data-js", "ready");
})();
