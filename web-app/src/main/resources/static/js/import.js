// "Import CSV": dropping a file on the picker's area picks it, and a file over 10 MB is refused before it is sent.
(function () {
  var zone = document.getElementById('drop-zone');
  var input = document.getElementById('file');
  var tooLarge = document.getElementById('file-size-error');
  if (!zone || !input) {
    return;
  }
  function check() {
    var file = input.files && input.files[0];
    var over = !!file && file.size > Number(input.dataset.maxBytes);
    tooLarge.hidden = !over;
    input.classList.toggle('is-invalid', over);
    input.setAttribute('aria-invalid', over ? 'true' : 'false');
    return !over;
  }
  input.addEventListener('change', check);
  zone.addEventListener('dragover', function (event) {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', function () {
    zone.classList.remove('dragging');
  });
  zone.addEventListener('drop', function (event) {
    event.preventDefault();
    zone.classList.remove('dragging');
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      check();
    }
  });
  document.getElementById('import-form').addEventListener('submit', function (event) {
    if (!check()) {
      event.preventDefault();
    }
  });
  document.body.addEventListener('htmx:confirm', function (event) {
    if (event.target.closest && event.target.closest('#import-form') && !check()) {
      event.preventDefault();
    }
  });
})();
