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

  // Reading age, as the server works it out (Flesch-Kincaid grade + 5), estimated here while
  // the officer types; the server says it again on save.
  function syllables(word) {
    word = word.toLowerCase().replace(/[^a-z]/g, "");
    if (!word) { return 0; }
    if (word.length <= 3) { return 1; }
    word = word.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, "").replace(/^y/, "");
    var groups = word.match(/[aeiouy]{1,2}/g);
    return groups ? groups.length : 1;
  }
  function readingAge(text) {
    var words = text.match(/[A-Za-z0-9'’]+/g) || [];
    if (words.length < 3) { return null; }
    var sentences = (text.match(/[.!?]+(\s|$)/g) || []).length || 1;
    var count = 0;
    words.forEach(function (w) { count += syllables(w); });
    var grade = 0.39 * (words.length / sentences) + 11.8 * (count / words.length) - 15.59;
    return Math.max(Math.round(grade) + 5, 5);
  }
  function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  // Words a young person may not know: the server's one list, sent as data-plain-words.
  document.querySelectorAll("textarea[data-plain-words]").forEach(function (box) {
    var list = JSON.parse(box.getAttribute("data-plain-words"));
    var patterns = list.map(function (item) {
      return [item[0], item[1], new RegExp("(^|[^\\w-])" + escapeRegExp(item[0]) + "(?![\\w-])", item[2] ? "" : "i")];
    });
    var age = document.getElementById("reading-age");
    var found = document.getElementById("plain-words");
    var timer;
    function update() {
      var text = box.value;
      var years = readingAge(text);
      age.hidden = years === null;
      age.textContent = years === null ? "" : "Reading age about " + years +
        (years > 12 ? ": try shorter sentences and everyday words." : ".");
      var items = found.querySelector("ul");
      items.textContent = "";
      patterns.forEach(function (p) {
        if (!p[2].test(text)) { return; }
        var li = document.createElement("li");
        var term = document.createElement("strong");
        term.textContent = p[0];
        li.appendChild(term);
        li.appendChild(document.createTextNode(": try \u201c" + p[1] + "\u201d"));
        items.appendChild(li);
      });
      found.hidden = !items.children.length;
    }
    box.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, 250);
    });

    // An answer template fills the explanation (after what is there) and the team's name.
    document.querySelectorAll("[data-use-template]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var words = button.getAttribute("data-text");
        box.value = box.value.trim() ? box.value.replace(/\s+$/, "") + "\n\n" + words : words;
        var team = document.getElementById("team_name");
        if (team) { team.value = button.getAttribute("data-team"); }
        update();
        box.focus();
      });
    });
  });
})();
