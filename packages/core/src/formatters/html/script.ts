// Progressive enhancement only: the report reads fully without it. It shows the filter toolbars
// (hidden in the markup, so they never appear without script) and filters finding groups by
// severity and free text. It reads its wording from data attributes, so the script text is
// constant and its CSP hash stays stable. No `</` may appear in here.
export const SCRIPT = `
(function () {
  var bars = document.querySelectorAll("[data-filter]");
  Array.prototype.forEach.call(bars, function (bar) {
    var scope = document.getElementById(bar.getAttribute("data-filter"));
    if (!scope) return;
    var input = bar.querySelector("input");
    var select = bar.querySelector("select");
    var status = bar.querySelector("[role=status]");
    var template = bar.getAttribute("data-status") || "";
    function apply() {
      var query = input.value.trim().toLowerCase();
      var severity = select.value;
      var groups = scope.querySelectorAll("[data-group]");
      var shown = 0;
      Array.prototype.forEach.call(groups, function (group) {
        var severityOk = !severity || group.getAttribute("data-severity") === severity;
        var headMatches = !query || group.getAttribute("data-group").toLowerCase().indexOf(query) >= 0 ||
          group.querySelector(".group-head").textContent.toLowerCase().indexOf(query) >= 0;
        var visible = 0;
        Array.prototype.forEach.call(group.querySelectorAll("tbody tr"), function (row) {
          var ok = severityOk && (headMatches || row.textContent.toLowerCase().indexOf(query) >= 0);
          row.classList.toggle("filtered", !ok);
          if (ok) visible++;
        });
        var groupOk = severityOk && (headMatches || visible > 0);
        group.classList.toggle("filtered", !groupOk);
        if (groupOk) shown++;
      });
      status.textContent = template.replace("{shown}", String(shown)).replace("{total}", String(groups.length));
    }
    input.addEventListener("input", apply);
    select.addEventListener("change", apply);
    bar.hidden = false;
    apply();
  });
})();
`;
