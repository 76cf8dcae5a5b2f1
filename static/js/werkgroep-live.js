// Live counts on the werkgroep dashboard: the server pushes the open polls' numbers over a
// websocket after each vote; we only replace the text of cells marked with data-live, in
// every row of that poll (the open polls and "Respons per peiling"), and the number of open
// polls, so no two numbers on the page disagree.
(function () {
  "use strict";
  var table = document.querySelector("[data-ws-path]");
  if (!table || !("WebSocket" in window)) { return; }
  var status = document.querySelector("[data-live-status]");
  var openCount = document.querySelector("[data-live-open-count]");
  var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
  var url = scheme + window.location.host + table.getAttribute("data-ws-path");
  var delay = 1000;

  // response_rate arrives as a fraction 0..1 and is shown as a whole percentage, rounded half
  // to even like the server's `percent` template filter (Python's round()).
  function percent(rate) {
    var x = rate * 100;
    var r = Math.round(x);
    if (Math.abs(x - Math.trunc(x)) === 0.5 && r % 2 !== 0) { r -= 1; }
    return r;
  }

  var FORMATS = {
    responses: String,
    audience_size: String,
    response_rate: function (rate) { return String(percent(rate)); }
  };

  function apply(polls) {
    if (openCount && String(polls.length) !== openCount.textContent) {
      openCount.textContent = String(polls.length);
    }
    polls.forEach(function (poll) {
      var rows = document.querySelectorAll(
        'tr[data-poll-id="' + poll.id + '"], tr[data-poll-row="' + poll.id + '"]');
      rows.forEach(function (row) {
        Object.keys(FORMATS).forEach(function (key) {
          var cell = row.querySelector('[data-live="' + key + '"]');
          var text = FORMATS[key](poll[key]);
          if (cell && text !== cell.textContent) { cell.textContent = text; }
        });
      });
    });
  }

  // Counts other than votes (members, registrations): reread this page and copy every element
  // marked with data-live-key from it, at most one read at a time.
  var busy = false;
  var again = false;
  function reread() {
    if (busy) { again = true; return; }
    busy = true;
    window.fetch(window.location.href, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html || !("DOMParser" in window)) { return; }
        var fresh = new DOMParser().parseFromString(html, "text/html");
        fresh.querySelectorAll("[data-live-key]").forEach(function (source) {
          var target = document.querySelector(
            '[data-live-key="' + source.getAttribute("data-live-key") + '"]');
          if (target && target.innerHTML !== source.innerHTML) { target.innerHTML = source.innerHTML; }
        });
      })
      .catch(function () { /* the next message tries again */ })
      .then(function () {
        busy = false;
        if (again) { again = false; reread(); }
      });
  }

  function connect() {
    var socket = new WebSocket(url);
    socket.addEventListener("open", function () {
      delay = 1000;
      table.setAttribute("data-live-connected", "true");
    });
    socket.addEventListener("message", function (event) {
      var data = JSON.parse(event.data);
      if (data.type === "refresh") { reread(); }
      if (data.type === "polls") {
        apply(data.polls);
        if (status) {
          status.textContent = (status.getAttribute("data-updated-label") || "Bijgewerkt om") + " " +
            new Date().toLocaleTimeString(document.documentElement.lang || "nl");
        }
      }
    });
    socket.addEventListener("close", function (event) {
      table.removeAttribute("data-live-connected");
      if (event.code === 4403) { return; }
      window.setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    });
  }
  connect();
})();
