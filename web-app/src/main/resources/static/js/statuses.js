// Settings → Statuses: drag a status by its handle to a new place; the whole new order is saved at once
// (POST /settings/statuses/order, then the page comes back with the API's answer). Keyboard users and browsers
// without scripts keep the Up and Down buttons, which do the same one place at a time.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var list = document.querySelector('[data-reorder]');
    if (!list) {
      return;
    }
    var form = document.getElementById(list.dataset.reorder);
    var order = function () {
      return Array.prototype.map.call(list.querySelectorAll('li[data-status-id]'),
        function (item) { return item.dataset.statusId; });
    };
    var before = order().join(',');
    var dragged = null;
    document.querySelectorAll('[data-reorder-hint], [data-drag-handle]').forEach(function (shown) {
      shown.hidden = false;
    });

    list.querySelectorAll('li[data-status-id]').forEach(function (item) {
      var handle = item.querySelector('[data-drag-handle]');
      // Only the handle starts a drag, so text in the rename field can still be selected with the mouse.
      handle.addEventListener('mousedown', function () { item.draggable = true; });
      handle.addEventListener('mouseup', function () { item.draggable = false; });
      item.addEventListener('dragstart', function (event) {
        dragged = item;
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', item.dataset.statusId);
        item.classList.add('dragging');
      });
      item.addEventListener('dragover', function (event) {
        if (!dragged || dragged === item) {
          return;
        }
        event.preventDefault();
        var box = item.getBoundingClientRect();
        list.insertBefore(dragged, event.clientY > box.top + box.height / 2 ? item.nextSibling : item);
      });
      item.addEventListener('drop', function (event) { event.preventDefault(); });
      item.addEventListener('dragend', function () {
        item.classList.remove('dragging');
        item.draggable = false;
        dragged = null;
        if (order().join(',') !== before) {
          order().forEach(function (id) {
            var field = document.createElement('input');
            field.type = 'hidden';
            field.name = 'ids';
            field.value = id;
            form.appendChild(field);
          });
          form.submit();
        }
      });
    });
  });
})();
