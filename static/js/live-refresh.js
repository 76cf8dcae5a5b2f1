// Live werkgroep pages (a poll's results, the poll studio): the server says over a websocket
// that the counts changed; we reread this same page and copy every element marked with
// data-live-key from it. All numbers come from one server-side (suppressed) read, so no two
// numbers on screen disagree; focus, open details and scroll position stay as they were.
(function () {
  "use strict";
  var root = document.querySelector("[data-live-refresh][data-ws-path]");
  if (!root || !("WebSocket" in window) || !("DOMParser" in window)) { return; }
  var status = document.querySelector("[data-live-status]");
  var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
  var url = scheme + window.location.host + root.getAttribute("data-ws-path");
  var delay = 1000;
  var busy = false;
  var again = false;

  function copy(fresh) {
    fresh.querySelectorAll("[data-live-key]").forEach(function (source) {
      var key = source.getAttribute("data-live-key");
      var target = document.querySelector('[data-live-key="' + key + '"]');
      if (target && target.innerHTML !== source.innerHTML) { target.innerHTML = source.innerHTML; }
    });
    if (status) {
      status.textContent = (status.getAttribute("data-updated-label") || "Bijgewerkt om") + " " +
        new Date().toLocaleTimeString(document.documentElement.lang || "nl");
    }
  }

  function refresh() {
    if (busy) { again = true; return; }  // at most one read in flight, and one after it
    busy = true;
    window.fetch(window.location.href, { credentials: "same-origin", headers: { "X-Live": "1" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html) { copy(new DOMParser().parseFromString(html, "text/html")); }
      })
      .catch(function () { /* the next message tries again */ })
      .then(function () {
        busy = false;
        if (again) { again = false; refresh(); }
      });
  }

  function connect() {
    var socket = new WebSocket(url);
    socket.addEventListener("open", function () {
      delay = 1000;
      root.setAttribute("data-live-connected", "true");
    });
    socket.addEventListener("message", refresh);
    socket.addEventListener("close", function (event) {
      root.removeAttribute("data-live-connected");
      if (event.code === 4403) { return; }
      window.setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    });
  }
  connect();
})();
