/* Sent without signal (issue 18). Progressive enhancement: without it the form posts as always.

   Pressing Send with no signal keeps the message on the page and sends it when the signal comes
   back, while the page is open: nothing is stored for that beyond the tab's own draft
   (voice.js). Only if the young person ticks "Keep it on this phone" is a copy put in
   IndexedDB, for the service worker (sw.js) to send by background sync even with the page
   closed. Registering the worker needs the signal once, so the page does it as the young
   person starts on the form, where the browser has workers: ticking the box after the signal
   has gone still works, and if it never could register, the page says plainly that the
   message stays on the page and goes when the signal is back. The worker holds nothing of the
   message until the box is ticked. It is taken off the phone (with its cache and any copy) if
   the message goes without the box ticked, when the page is left with nothing kept, once the
   message is sent, and on quick exit. The server takes each form once (its one-time form
   token), so the page and the worker may both send it. */
(function () {
  "use strict";
  var DB = "voice-waiting", STORE = "message", KEY = "share", CACHE = "voice-waiting";
  var SCOPE = "/share", SENT = "/share/sent", SYNC = "voice-send";
  var status = document.querySelector("[data-send-status]");
  if (!status || !window.fetch || !window.URLSearchParams) { return; }
  var action = status.getAttribute("data-action");
  var form = document.querySelector("form[data-draft='share']");
  var box = document.getElementById("keep_on_phone");
  var canKeep = "serviceWorker" in navigator && "indexedDB" in window && window.isSecureContext;
  var waiting = null;  // the form as sent, while it has not gone
  var kept = false;    // whether a copy of it is in IndexedDB
  var sending = false, finished = false, timer = null, registration = null;
  var starting = null;  // a registration on its way (register() not yet answered)

  function say(what) {
    status.textContent = what ? status.getAttribute("data-" + what) : "";
    status.classList.toggle("notice", !!what);
  }

  function done(request) {
    return new Promise(function (resolve, reject) {
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
      request.onblocked = function () { resolve(); };
    });
  }

  // Whether the database exists, without opening it: opening would make an empty one.
  function hasDatabase() {
    if (!canKeep) { return Promise.resolve(false); }
    if (!indexedDB.databases) { return Promise.resolve(true); }
    return indexedDB.databases().then(function (list) {
      return list.some(function (d) { return d.name === DB; });
    });
  }

  // One short connection per step, closed at once, so the worker can delete the database.
  function withStore(mode, work) {
    var open = indexedDB.open(DB, 1);
    open.onupgradeneeded = function () { open.result.createObjectStore(STORE); };
    return done(open).then(function (conn) {
      return new Promise(function (resolve, reject) {
        var tx = conn.transaction(STORE, mode), request = work(tx.objectStore(STORE));
        tx.oncomplete = function () { conn.close(); resolve(request.result); };
        tx.onabort = tx.onerror = function () { conn.close(); reject(tx.error); };
      });
    });
  }

  function keepCopy(body) {
    return withStore("readwrite", function (s) { return s.put({body: body}, KEY); });
  }

  function readCopy() {
    return hasDatabase().then(function (yes) {
      return yes ? withStore("readonly", function (s) { return s.get(KEY); }) : null;
    });
  }

  // Everything of it on this phone: the copy, the worker (and its background sync) and the
  // worker's cached page. Each step starts at once, so quick exit can go straight after.
  function forget() {
    kept = false;
    var steps = [];
    if (canKeep) {
      steps.push(done(indexedDB.deleteDatabase(DB)));
      if (window.caches) { steps.push(caches.delete(CACHE)); }
      steps.push(registration ? registration.unregister() :
        navigator.serviceWorker.getRegistration(SCOPE).then(function (r) { return r && r.unregister(); }));
      registration = null;
      // One still on its way: gone too once it is made, with what it cached.
      if (starting) { steps.push(starting.then(function (r) { return r && removeStarted(r); })); }
    }
    return Promise.all(steps).catch(function () { /* nothing was there */ });
  }

  function removeStarted(r) {
    return installed(r).then(function () {
      return Promise.all([r.unregister(), window.caches ? caches.delete(CACHE) : null]);
    });
  }

  // When a new worker has finished installing (and caching its page), or failed to.
  function installed(r) {
    var worker = r.installing || r.waiting;
    if (!worker) { return Promise.resolve(); }
    return new Promise(function (resolve) {
      worker.addEventListener("statechange", function () {
        if (worker.state === "activated" || worker.state === "redundant") { resolve(); }
      });
    });
  }

  function startWorker() {
    if (!canKeep) { return Promise.resolve(null); }
    if (registration) { return Promise.resolve(registration); }
    starting = navigator.serviceWorker.register("/sw.js", {scope: SCOPE}).then(function (r) {
      starting = null;
      registration = r;
      return r;
    }, function () {
      starting = null;
      return null;  // no signal to fetch it: the page still sends it while open
    });
    return starting;
  }

  function askForSync() {
    if (!canKeep) { return; }
    navigator.serviceWorker.ready.then(function (r) {
      return r.sync && r.sync.register(SYNC);
    }).catch(function () { /* no background sync here: the page sends it while open */ });
  }

  function post(body) {
    return fetch(action, {
      method: "POST", body: body, credentials: "same-origin", redirect: "manual",
      headers: {"Content-Type": "application/x-www-form-urlencoded"}
    });
  }

  // The page's own POST with these answers, as if the form had been sent without this script:
  // the server shows its errors with everything typed still in the boxes.
  function sendAsPage(body) {
    var page = document.createElement("form");
    page.method = "post";
    page.action = action;
    page.hidden = true;
    new URLSearchParams(body).forEach(function (value, name) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      page.appendChild(input);
    });
    document.body.appendChild(page);
    HTMLFormElement.prototype.submit.call(page);
  }

  function gone() {
    if (finished) { return; }  // the page and the worker may both hear it went
    finished = true;
    waiting = null;
    say("sent");
    forget().then(function () { window.location.replace(SENT); });
  }

  function waitForSignal() {
    say(kept ? "kept" : box && box.checked && canKeep && !registration ? "nokeep" : "page");
    clearTimeout(timer);
    // "online" is the signal coming back; the timer is for a phone that says it is online
    // when it cannot reach anything.
    timer = setTimeout(trySend, 20000);
  }

  // A refused send is usually a form open for hours: its CSRF token is out of date. The page
  // the server sent back has a fresh one, so try once more with it; any other problem, or a
  // second refusal, is shown by the server as for any form, with nothing lost.
  function refused(response, body, again) {
    return response.text().then(function (html) {
      var fresh = /name="csrf_token"[^>]*value="([^"]*)"/.exec(html);
      var params = new URLSearchParams(body);
      if (fresh) { params.set("csrf_token", fresh[1]); }
      body = params.toString();
      if (!again && html.indexOf('class="error-message"') === -1) {
        waiting = body;
        return (kept ? keepCopy(body) : Promise.resolve()).then(function () { return send(body, true); });
      }
      waiting = null;
      return forget().then(function () { sendAsPage(body); });
    });
  }

  function send(body, again) {
    return post(body).then(function (response) {
      if (response.type === "opaqueredirect") { return gone(); }
      if (response.status === 200 || response.status === 400) { return refused(response, body, again); }
      say("busy");  // too many at once, or the server is down: try again soon
      clearTimeout(timer);
      timer = setTimeout(trySend, 30000);
    });
  }

  function trySend() {
    if (!waiting || sending) { return; }
    if (navigator.onLine === false) { waitForSignal(); return; }
    sending = true;
    say("sending");
    send(waiting, false).catch(waitForSignal).then(function () { sending = false; });
  }

  function onSubmit(event) {
    var keep = !!(box && box.checked && canKeep);
    // Not chosen: the worker registered for the form goes, and the browser sends the
    // form as always, or, with no signal, the page sends it when the signal is back.
    if (!keep && navigator.onLine !== false) { forget(); return; }
    event.preventDefault();
    waiting = new URLSearchParams(new FormData(form)).toString();
    if (!keep) { forget().then(trySend); return; }
    startWorker().then(function (r) {
      // Never registered (no signal since the page opened): nothing can send it with the
      // page closed, so nothing is kept; the page sends it, and says so plainly.
      if (!r) { return null; }
      return keepCopy(waiting).then(function () { kept = true; askForSync(); });
    }).catch(function () { /* storage full or off: the page still sends it */ })
      .then(trySend);
  }

  function onChoice() {
    if (box.checked) {
      startWorker().then(function (r) { if (!r && navigator.onLine === false) { say("nokeep"); } });
      return;
    }
    if (kept && waiting) { say("page"); }
    forget();
  }

  // Left with nothing kept: the worker registered for the form does not stay on the phone.
  function onLeave() {
    if (!kept && !finished) { forget(); }
  }

  // The worker's page for no signal, with nothing waiting: the real page once there is signal.
  function nothingWaiting() {
    say("nothing");
    window.addEventListener("online", function () { window.location.replace(SCOPE); });
  }

  function start() {
    if (form) { form.addEventListener("submit", onSubmit); }
    if (box && canKeep) {
      box.closest("[data-keep]").hidden = false;
      box.addEventListener("change", onChoice);
    }
    window.addEventListener("online", trySend);
    window.addEventListener("offline", function () { if (waiting) { waitForSignal(); } });
    // Quick exit (voice.js) waits a moment for this before leaving.
    document.addEventListener("voice:leave", function (event) {
      waiting = null;  // and nothing more is sent from this page, whatever the signal does
      clearTimeout(timer);
      event.detail.push(forget());
    });
    if (!canKeep) { return; }
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data === "sent") { gone(); }
    });
    if (box) {
      // Registered as soon as the young person starts on the form (or at once, if the box
      // is still ticked from before a reload), while there is signal, in case the box is
      // ticked once it has gone. Not for a page only glanced at: nothing is left of a visit.
      if (box.checked) { startWorker(); }
      form.addEventListener("focusin", function () { startWorker(); }, {once: true});
      window.addEventListener("pagehide", onLeave);
      window.addEventListener("online", function () { if (box.checked) { startWorker(); } });
    } else {
      navigator.serviceWorker.getRegistration(SCOPE).then(function (r) { registration = r || null; });
    }
    // A message kept from before a reload, or from a page that was closed.
    readCopy().then(function (copy) {
      if (copy && copy.body) {
        waiting = copy.body;
        kept = true;
        if (box) { box.checked = true; }
        askForSync();
        trySend();
      } else if (!form) {
        nothingWaiting();
      }
    }, function () { if (!form) { nothingWaiting(); } });
  }

  // After voice.js (also deferred, later in the page) has put back the tab's draft.
  document.addEventListener("DOMContentLoaded", start);
})();
