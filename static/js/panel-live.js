// Live poll results: the server sends fresh counts over a websocket when someone answers.
// Without JavaScript the page still shows the counts of the moment it was loaded.
(function () {
  "use strict";
  var root = document.querySelector("[data-live-poll]");
  if (!root || !window.WebSocket) { return; }
  var pollId = root.getAttribute("data-live-poll");
  var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
  var url = scheme + window.location.host + "/ws/panel/vragen/" + pollId + "/";
  var tries = 0;

  function set(selector, value) {
    var el = root.querySelector(selector);
    if (el) { el.textContent = String(value); }
  }

  function update(data) {
    set("[data-respondents]", data.respondents);
    data.questions.forEach(function (q) {
      set('[data-question-total="' + q.id + '"]', q.total);
      q.choices.forEach(function (c) {
        set('[data-choice-count="' + c.id + '"]', c.count);
        set('[data-choice-percent="' + c.id + '"]', c.percent);
        var bar = root.querySelector('[data-choice-bar="' + c.id + '"]');
        if (bar) { bar.value = c.percent; }
      });
    });
  }

  function connect() {
    var socket = new WebSocket(url);
    socket.onopen = function () {
      tries = 0;
      var note = root.querySelector("[data-live-note]");
      if (note) { note.hidden = false; }
      root.setAttribute("data-live", "connected");
    };
    socket.onmessage = function (event) { update(JSON.parse(event.data)); };
    socket.onclose = function (event) {
      root.setAttribute("data-live", "closed");
      if (event.code === 4403 || tries > 5) { return; }
      tries += 1;
      window.setTimeout(connect, 1000 * tries);
    };
  }
  connect();
}());
