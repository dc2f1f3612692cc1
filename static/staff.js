/* Staff pages' progressive enhancement: every page works without this file. */
(function () {
  "use strict";

  // An officer list that follows a service area list: only the chosen area's officers are
  // offered (each option says its area in data-area). The server refuses any other anyway.
  document.querySelectorAll("select[data-follows]").forEach(function (officers) {
    var areas = document.getElementById(officers.getAttribute("data-follows"));
    if (!areas) { return; }
    function update() {
      var area = areas.value;
      officers.querySelectorAll("option[data-area]").forEach(function (option) {
        var other = area !== "" && option.getAttribute("data-area") !== area;
        option.hidden = other;
        option.disabled = other;
        if (other && option.selected) { officers.value = ""; }
      });
      officers.querySelectorAll("optgroup").forEach(function (group) {
        group.hidden = !group.querySelector("option:not([hidden])");
      });
    }
    areas.addEventListener("change", update);
    update();
  });
})();
