// claimcheck's HTML report: the findings filters, its one script.
(function () {
  "use strict";
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
