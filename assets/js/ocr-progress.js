// The case page's "reading the text of the scan: 3 of 40 pages" (templates/foi/_attachment.html)
// kept up to date while a file is read in the background: each status with a
// data-ocr-status-url asks that small JSON address now and then and shows its text, until the
// reading has finished (or the address stops answering). Without script the page says the
// status as it was when loaded, and a reload shows the progress.
(function () {
  "use strict";
  var FIRST_WAIT = 3000;
  var MAX_WAIT = 30000;
  var MAX_FAILURES = 3;

  function watch(element) {
    var url = element.getAttribute("data-ocr-status-url");
    var wait = FIRST_WAIT;
    var failures = 0;

    function stop() {
      element.removeAttribute("data-ocr-status-url");
    }

    function ask() {
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("status " + response.status);
          }
          return response.json();
        })
        .then(function (data) {
          failures = 0;
          if (data.text && element.textContent !== data.text) {
            element.textContent = data.text;
          }
          if (data.finished) {
            element.setAttribute("data-ocr-finished", data.status);
            stop();
            return;
          }
          wait = Math.min(Math.round(wait * 1.5), MAX_WAIT);
          window.setTimeout(ask, wait);
        })
        .catch(function () {
          failures += 1;
          if (failures >= MAX_FAILURES) {
            stop();
            return;
          }
          window.setTimeout(ask, MAX_WAIT);
        });
    }

    window.setTimeout(ask, FIRST_WAIT);
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-ocr-status-url]"), watch);
})();
