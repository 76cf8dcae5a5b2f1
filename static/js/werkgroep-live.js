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

  function apply(polls) {
    if (openCount && String(polls.length) !== openCount.textContent) {
      openCount.textContent = String(polls.length);
    }
    polls.forEach(function (poll) {
      var rows = document.querySelectorAll(
        'tr[data-poll-id="' + poll.id + '"], tr[data-poll-row="' + poll.id + '"]');
      rows.forEach(function (row) {
        ["responses", "audience_size", "response_rate"].forEach(function (key) {
          var cell = row.querySelector('[data-live="' + key + '"]');
          if (cell && String(poll[key]) !== cell.textContent) { cell.textContent = String(poll[key]); }
        });
      });
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
