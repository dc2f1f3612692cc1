/* The service worker for "Keep it on this phone until it can send" (issue 18; offline.js).
   Registered as the young person starts on the share form (registering needs the signal
   once), it holds nothing of the message until they choose to keep it. It is unregistered
   if the message goes without that choice, when the page is left with nothing kept, once
   the message has gone, or on quick exit. It sends the kept message by background sync, and
   while a message waits it shows a page saying so instead of the browser's "no internet"
   page. */
"use strict";
var DB = "voice-waiting", STORE = "message", KEY = "share", CACHE = "voice-waiting";
var WAITING = "/share/waiting";
var SHELL = [WAITING, "/static/voice.css", "/static/voice.js", "/static/offline.js"];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(SHELL); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

// The network first, always: the cache only when there is no signal.
self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) { return; }
  if (request.mode !== "navigate" && SHELL.indexOf(url.pathname) === -1) { return; }
  event.respondWith(fetch(request).catch(function () {
    return caches.match(request.mode === "navigate" ? WAITING : url.pathname).then(function (found) {
      return found || Response.error();
    });
  }));
});

// One send at a time: the browser can fire "sync" again while a send is on its way (seen in
// tests: two at once as the signal came back), and each answer sets the browser's cookie, so
// the last to land, perhaps without the note for the next page, would win.
var sending = null;
self.addEventListener("sync", function (event) {
  if (event.tag !== "voice-send") { return; }
  if (!sending) {
    sending = sendKept().then(function () { sending = null; },
      function (error) { sending = null; throw error; });
  }
  event.waitUntil(sending);
});

function done(request) {
  return new Promise(function (resolve, reject) {
    request.onsuccess = function () { resolve(request.result); };
    request.onerror = function () { reject(request.error); };
    request.onblocked = function () { resolve(); };
  });
}

function readKept() {
  var exists = self.indexedDB.databases ? self.indexedDB.databases().then(function (list) {
    return list.some(function (d) { return d.name === DB; });
  }) : Promise.resolve(true);
  return exists.then(function (yes) {
    if (!yes) { return null; }
    var open = self.indexedDB.open(DB, 1);
    open.onupgradeneeded = function () { open.result.createObjectStore(STORE); };
    return done(open).then(function (conn) {
      return new Promise(function (resolve, reject) {
        var request = conn.transaction(STORE).objectStore(STORE).get(KEY);
        request.onsuccess = function () { conn.close(); resolve(request.result); };
        request.onerror = function () { conn.close(); reject(request.error); };
      });
    });
  });
}

// Nothing of it left: the copy, this worker's cache and the worker itself.
function forgetAll() {
  return Promise.all([done(self.indexedDB.deleteDatabase(DB)), caches.delete(CACHE)])
    .then(function () { return self.registration.unregister(); });
}

function post(body) {
  return fetch("/share", {
    method: "POST", body: body, credentials: "same-origin", redirect: "manual",
    headers: {"Content-Type": "application/x-www-form-urlencoded"}
  });
}

// Sent: an open page goes to its code. With no page on screen, the server keeps a note for
// the next page the young person opens there (sent_later), with a link to the code.
function sent(pages) {
  return forgetAll().then(function () {
    pages.forEach(function (page) { page.postMessage("sent"); });
  });
}

function sendKept() {
  return readKept().then(function (kept) {
    if (!kept || !kept.body) { return; }
    return self.clients.matchAll({type: "window"}).then(function (pages) {
      // A page being closed can still be listed for a moment: with no page on screen the
      // server keeps the note, so the way to the code is never lost with the page.
      var shown = pages.some(function (page) { return page.visibilityState === "visible"; });
      var body = shown ? kept.body : kept.body + "&sent_later=1";
      return post(body).then(function (response) {
        if (response.type === "opaqueredirect") { return sent(pages); }
        if (response.status !== 200 && response.status !== 400) {
          throw new Error("not sent yet");  // the browser tries again later
        }
        // Refused: most likely a form open for hours, whose CSRF token is out of date. Once
        // more with the fresh one the server sent back; a page shows anything else.
        return response.text().then(function (html) {
          var fresh = /name="csrf_token"[^>]*value="([^"]*)"/.exec(html);
          if (!fresh || html.indexOf('class="error-message"') !== -1) { return; }
          var params = new URLSearchParams(body);
          params.set("csrf_token", fresh[1]);
          return post(params.toString()).then(function (again) {
            if (again.type === "opaqueredirect") { return sent(pages); }
          });
        });
      });
    });
  });
}
