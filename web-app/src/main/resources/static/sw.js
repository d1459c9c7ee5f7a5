// Calliyo's service worker: it makes the client installable and shows a page of its own when the network is gone.
// Pages and API answers are never cached: they belong to one signed-in user and change all the time.
var CACHE = 'calliyo-offline-v1';
var OFFLINE_PAGE = '/offline.html';

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll([OFFLINE_PAGE, '/css/app.css', '/icons/calliyo-192.png']);
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== CACHE; })
      .map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  if (event.request.mode !== 'navigate') {
    return;
  }
  event.respondWith(fetch(event.request).catch(function () {
    return caches.match(OFFLINE_PAGE);
  }));
});
