/* "Read this page aloud" (issue 18): the device's own speech, nothing sent anywhere. The
   buttons stay hidden unless the device has a voice of its own (localService: some browsers
   also offer voices that send the words to their maker's servers) for the page's language;
   an English voice reading Urdu letters would be noise. Each block of the page is one utterance, so a long page
   is not cut short and Stop stops at once. */
(function () {
  "use strict";
  var box = document.querySelector("[data-read-aloud]");
  var synth = window.speechSynthesis;
  if (!box || !synth || typeof window.SpeechSynthesisUtterance !== "function") return;
  var start = box.querySelector("[data-read-start]");
  var stop = box.querySelector("[data-read-stop]");
  var lang = (document.documentElement.lang || "en").toLowerCase();
  var BLOCKS = "h1, h2, h3, p, legend, label, li, summary, dt, dd";
  var SKIP = ".trap, [aria-hidden=true], [data-read-aloud], [hidden], .visually-hidden";

  function deviceVoice() {
    var voices = synth.getVoices() || [];
    var near = null;
    for (var i = 0; i < voices.length; i++) {
      if (voices[i].localService !== true) continue;
      var own = String(voices[i].lang || "").toLowerCase().replace("_", "-");
      if (own === lang) return voices[i];
      if (!near && own.split("-")[0] === lang.split("-")[0]) near = voices[i];
    }
    return near;
  }

  function reveal() {
    if (deviceVoice()) box.hidden = false;
  }

  // What a sighted reader sees in the main part, block by block, without the pictures
  // (their words are in the labels) or anything hidden.
  function blocks() {
    var main = document.querySelector("main") || document.body;
    var found = [];
    main.querySelectorAll(BLOCKS).forEach(function (el) {
      if (el.closest(SKIP) || !el.getClientRects().length) return;
      if (el.parentElement && el.parentElement.closest(BLOCKS)) return; // read with its block
      var copy = el.cloneNode(true);
      copy.querySelectorAll(SKIP + ", textarea, input, script").forEach(function (n) { n.remove(); });
      var words = copy.textContent.replace(/\s+/g, " ").trim();
      if (words) found.push(words);
    });
    return found;
  }

  function finished() {
    stop.hidden = true;
  }

  start.addEventListener("click", function () {
    synth.cancel();
    var all = blocks();
    var voice = deviceVoice();
    if (!voice) return;
    all.forEach(function (words, i) {
      var said = new window.SpeechSynthesisUtterance(words);
      said.lang = voice.lang;
      said.voice = voice; // never left to the browser, which may choose one online
      if (i === all.length - 1) said.onend = finished;
      synth.speak(said);
    });
    stop.hidden = all.length === 0;
  });

  stop.addEventListener("click", function () {
    synth.cancel();
    finished();
    start.focus();
  });

  // Quick exit must not leave the phone talking about the message.
  window.addEventListener("pagehide", function () { synth.cancel(); });
  document.addEventListener("voice:leave", function () { synth.cancel(); });

  reveal();
  if (synth.addEventListener) synth.addEventListener("voiceschanged", reveal);
})();
