/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";

  // Move focus to the error summary so screen-reader and keyboard users hear the problems first.
  var summary = document.querySelector("[data-focus-on-load]");
  if (summary) { summary.focus(); }

  // A link in the error summary goes to the box, but shows the question above it too: the
  // jump alone puts the box at the top, and the sticky header over the question and error.
  if (summary) {
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var box = link && document.getElementById(link.hash.slice(1));
      var group = box && box.closest("fieldset");
      var question = group ? group.querySelector("legend") : box && box.labels && box.labels[0];
      if (!question) { return; }
      event.preventDefault();
      question.scrollIntoView();  // below the header: html's scroll-padding-top
      box.focus({preventScroll: true});
    });
  }

  // Quick exit. Replace this page (so Back does not return to it), forget the draft and tell
  // the server to forget the open case. Three presses of Escape do the same.
  var exit = document.querySelector("[data-quick-exit]");
  function leave(event) {
    if (event) { event.preventDefault(); }
    try { window.sessionStorage.clear(); } catch (e) { /* storage may be off */ }
    try {
      fetch(exit.getAttribute("href") + "?beacon=1", {keepalive: true, credentials: "same-origin"})
        .catch(function () { /* no signal: best effort */ });
    } catch (e) { /* best effort */ }
    document.body.hidden = true;
    // A message kept to send later (offline.js) is deleted first: a moment at most.
    var steps = [];
    document.dispatchEvent(new CustomEvent("voice:leave", {detail: steps}));
    function go() { window.location.replace(exit.getAttribute("data-quick-exit")); }
    if (!steps.length) { go(); return; }
    Promise.race([Promise.all(steps), new Promise(function (r) { setTimeout(r, 600); })]).then(go, go);
  }
  if (exit) {
    exit.addEventListener("click", leave);
    var hint = document.querySelector("[data-quick-exit-hint]");
    if (hint) { hint.hidden = false; }
    var presses = [];
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      var now = Date.now();
      presses = presses.filter(function (t) { return now - t < 2000; });
      presses.push(now);
      if (presses.length >= 3) { leave(); }
    });
    // Links inside Voice replace the history entry instead of adding one, so after a quick
    // exit the Back button goes to wherever the young person was before Voice.
    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a[href]") : null;
      if (!link || link === exit || link.origin !== window.location.origin || link.hash ||
          event.ctrlKey || event.metaKey || event.shiftKey || link.target) { return; }
      event.preventDefault();
      window.location.replace(link.href);
    });
  }

  // Show a field only while the radio it belongs to is chosen (it is always shown without JS).
  var reveals = document.querySelectorAll("[data-reveal-for]");
  function updateReveals() {
    reveals.forEach(function (block) {
      var radio = document.getElementById(block.getAttribute("data-reveal-for"));
      block.hidden = !(radio && radio.checked);
    });
  }
  if (reveals.length) {
    document.addEventListener("change", updateReveals);
    updateReveals();
  }

  // A live count of the characters left. 1,234 by hand: toLocaleString starts up the browser's
  // whole locale library, a long task on a cheap phone (Lighthouse counted ~300 ms).
  function thousands(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }
  document.querySelectorAll("[data-count-for]").forEach(function (counter) {
    var box = document.getElementById(counter.getAttribute("data-count-for"));
    var limit = parseInt(counter.getAttribute("data-limit"), 10);
    var timer;
    function update() {
      var left = limit - box.value.length;
      // A page in another language gives its own words, with # for the number.
      var words = left >= 0 ? counter.getAttribute("data-left") || "You have # characters left."
        : counter.getAttribute("data-over") || "That is # characters too many.";
      counter.textContent = words.replace("#", thousands(Math.abs(left)));
      counter.classList.toggle("over", left < 0);
    }
    counter.hidden = false;
    update();
    // Screen readers hear the count when typing pauses, not on every key.
    box.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 400); });
  });

  // Drafts survive a lost signal or a reload, in sessionStorage only: it dies with the tab, so
  // nothing is left behind on a shared phone. Cleared on sending and on quick exit.
  document.querySelectorAll("form[data-draft]").forEach(function (form) {
    var key = "voice-draft-" + form.getAttribute("data-draft");
    var store;
    try { store = window.sessionStorage; } catch (e) { return; }
    var saved = {};
    try { saved = JSON.parse(store.getItem(key) || "{}"); } catch (e) { saved = {}; }
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.type === "hidden" || el.type === "password" || !(el.name in saved)) { return; }
      if (el.type === "checkbox") {
        el.checked = saved[el.name] === true;
      } else if (el.type === "radio") {
        el.checked = saved[el.name] === el.value;
      } else if (!el.value) {
        el.value = saved[el.name];
      }
    });
    updateReveals();
    form.addEventListener("input", function () {
      var data = {};
      Array.prototype.forEach.call(form.elements, function (el) {
        if (!el.name || el.type === "hidden" || el.type === "password") { return; }
        if (el.type === "radio") { if (el.checked) { data[el.name] = el.value; } }
        else if (el.type === "checkbox") { data[el.name] = el.checked; }
        else { data[el.name] = el.value; }
      });
      try { store.setItem(key, JSON.stringify(data)); } catch (e) { /* full or off */ }
    });
  });
  // The draft is forgotten once the confirmation page shows, not on pressing Send: if the
  // signal drops while sending, the draft is still there when the page is reloaded.
  document.querySelectorAll("[data-clear-draft]").forEach(function (el) {
    try { window.sessionStorage.removeItem("voice-draft-" + el.getAttribute("data-clear-draft")); } catch (e) { /* off */ }
  });

  // Copy the reference code.
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    if (!navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = document.getElementById(button.getAttribute("data-copy")).getAttribute("data-code");
      navigator.clipboard.writeText(text).then(function () {
        button.textContent = button.getAttribute("data-copied") || "Copied ✓";
      }, function () {
        button.textContent = button.getAttribute("data-not-copied") ||
          "Couldn't copy: please write it down";
      });
    });
  });

  // Save the reference code through the phone's own share sheet (to notes, or a message to
  // themselves): a screenshot would sit in the photos. Shown only where the phone has one.
  document.querySelectorAll("[data-share]").forEach(function (button) {
    if (!navigator.share) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = document.getElementById(button.getAttribute("data-share")).getAttribute("data-code");
      navigator.share({ text: text }).catch(function () { /* they closed the sheet */ });
    });
  });
})();

// The gathered views' slips: a print button (the browser's own print, nothing sent anywhere).
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});
