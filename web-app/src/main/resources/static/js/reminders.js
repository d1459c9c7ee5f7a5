// Follow-up reminders: with the user's permission, a browser notification at T − 5 min and T − 30 s before each of
// today's follow-ups (title: the lead's name, body "Followup call"; a click opens the lead), the same times as the
// Android app's alarms. Today's list is read again every few minutes, so new or resolved follow-ups are followed.
(function () {
  if (!('Notification' in window)) {
    return;
  }
  var BEFORE = [5 * 60 * 1000, 30 * 1000];
  var REFRESH = 5 * 60 * 1000;
  var timers = {};
  var scheduled = [];
  // Read by the browser test (and handy in a console): what is planned, and the planner itself.
  window.calliyoReminders = { scheduled: scheduled, plan: function (reminders) { plan(reminders); } };

  function ring(reminder) {
    var note = new Notification(reminder.leadName, { body: 'Followup call', tag: reminder.key });
    note.onclick = function () {
      window.focus();
      window.location.href = reminder.url;
    };
  }

  function plan(reminders) {
    Object.keys(timers).forEach(function (key) { clearTimeout(timers[key]); });
    timers = {};
    scheduled.length = 0;
    var now = Date.now();
    reminders.forEach(function (reminder) {
      BEFORE.forEach(function (before) {
        var at = Date.parse(reminder.dueAt) - before;
        if (at <= now) {
          return;
        }
        var key = reminder.followUpId + '@' + before;
        var entry = { key: key, leadName: reminder.leadName, url: reminder.url, at: new Date(at).toISOString() };
        scheduled.push(entry);
        timers[key] = setTimeout(function () { ring(entry); }, at - now);
      });
    });
  }

  function load() {
    fetch('/reminders/today', { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (answer) { return answer.ok ? answer.json() : []; })
      .then(plan)
      .catch(function () { /* the next refresh tries again */ });
  }

  function start() {
    load();
    setInterval(load, REFRESH);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('reminders-button');
    if (Notification.permission === 'granted') {
      start();
    } else if (button && Notification.permission === 'default') {
      button.hidden = false;
      button.addEventListener('click', function () {
        Notification.requestPermission().then(function (permission) {
          button.hidden = true;
          if (permission === 'granted') {
            start();
          }
        });
      });
    }
  });
}());
