// Live counts on the werkgroep dashboard: the server pushes the open polls' numbers over a
// websocket after each vote; we only replace the text of cells marked with data-live.
(function () {
  "use strict";
  var table = document.querySelector("[data-live-polls]");
  if (!table || !("WebSocket" in window)) { return; }
  var status = document.querySelector("[data-live-status]");
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
    polls.forEach(function (poll) {
      var row = table.querySelector('tr[data-poll-id="' + poll.id + '"]');
      if (!row) { return; }
      Object.keys(FORMATS).forEach(function (key) {
        var cell = row.querySelector('[data-live="' + key + '"]');
        var text = FORMATS[key](poll[key]);
        if (cell && text !== cell.textContent) { cell.textContent = text; }
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
