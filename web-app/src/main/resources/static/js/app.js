// htmx requests carry the CSRF token in a header (plain forms carry it as a hidden field).
document.addEventListener('htmx:configRequest', function (event) {
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

// Installable client: the service worker serves an offline page when the network is gone (static/sw.js).
if ('serviceWorker' in navigator) {
  window.addEventListener('load', function () {
    navigator.serviceWorker.register('/sw.js').catch(function () { /* the site works without it */ });
  });
}

// "Copy token": shown only when scripts run (the token stays selectable in its read-only field without them).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var field = document.getElementById(button.getAttribute('data-copy'));
      var status = button.closest('section') && button.closest('section').querySelector('[data-copy-status]');
      var done = function (words) { if (status) { status.textContent = words; } };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () { done('Copied.'); },
          function () { field.select(); done('Select the text and copy it (Ctrl+C).'); });
      } else {
        field.select();
        done(document.execCommand && document.execCommand('copy') ? 'Copied.' : 'Select the text and copy it (Ctrl+C).');
      }
    });
  });
});
