// Live updates. The server says which parts of the page another user's change made stale (GET /live, server-sent
// events named after areas: leads, customers, reports); the page refetches those parts itself, through the same
// pages and API, with its own session. A part opts in with data-live="<area> ..." and an id.
// A part the user is working in (focus, a ticked box, the feedback of their own last action) is not replaced under
// their hands: it offers "Show changes" instead.
(function () {
  'use strict';
  var AREAS = ['leads', 'customers', 'reports'];
  var BUSY = 'input[type=checkbox]:checked, .alert, .is-invalid, [role=alert]';

  function busy(part) {
    var active = document.activeElement;
    return part.querySelector(BUSY) !== null || (active && active !== document.body && part.contains(active));
  }

  function currentUrl(extra) {
    var url = location.pathname + location.search;
    return extra ? url + (url.indexOf('?') < 0 ? '?' : '&') + extra : url;
  }

  function refresh(part, extra) {
    var notice = part.previousElementSibling;
    if (notice && notice.hasAttribute('data-live-notice')) {
      notice.remove();
    }
    htmx.ajax('GET', currentUrl(extra), { source: part, target: part, select: '#' + part.id, swap: 'outerHTML' });
  }

  function offer(part, extra) {
    var notice = part.previousElementSibling;
    if (!notice || !notice.hasAttribute('data-live-notice')) {
      notice = document.createElement('div');
      notice.setAttribute('data-live-notice', '');
      notice.setAttribute('role', 'status');
      notice.className = 'alert alert-info d-flex align-items-center gap-2 py-2';
      notice.innerHTML = '<span>This list has changed.</span>'
        + '<button type="button" class="btn btn-sm btn-primary">Show changes</button>';
      part.parentNode.insertBefore(notice, part);
    }
    notice.querySelector('button').onclick = function () {
      refresh(document.getElementById(part.id) || part, extra);
    };
  }

  function changed(area, extra) {
    document.querySelectorAll('[data-live~="' + area + '"]').forEach(function (part) {
      if (busy(part)) {
        offer(part, extra);
      } else {
        refresh(part, extra);
      }
    });
  }

  function connect(delay, connectedBefore) {
    var source = new EventSource('/live');
    var opened = false;
    source.addEventListener('open', function () {
      if (connectedBefore || opened) {
        AREAS.forEach(function (area) { changed(area); }); // catch up on what happened while disconnected
      }
      opened = true;
      delay = 1000;
    });
    source.addEventListener('leads', function () { changed('leads'); });
    source.addEventListener('reports', function () { changed('reports'); });
    source.addEventListener('customers', function (event) {
      var data = JSON.parse(event.data || '{}');
      changed('customers', data.leadId ? 'awaitLead=' + encodeURIComponent(data.leadId)
        + '&awaitCustomer=' + (data.customer !== false) : null);
    });
    source.addEventListener('signed-out', function () {
      source.close();
      location.reload(); // the session is over: the page's own request goes to "Sign in"
    });
    source.addEventListener('error', function () {
      if (source.readyState === EventSource.CLOSED) { // refused (not a stream): try again later, less and less often
        setTimeout(function () { connect(Math.min(delay * 2, 60000), opened || connectedBefore); }, delay);
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (window.EventSource && window.htmx && document.querySelector('[data-live]')) {
      connect(1000, false);
    }
  });
})();
