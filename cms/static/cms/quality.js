// Re-checks the page being edited: posts the unsaved form to the quality check and shows the
// answer in the quality panel. Runs a few seconds after the editor stops typing, or on request.
(function () {
  "use strict";
  var DELAY_MS = 2500;

  function init() {
    var panel = document.querySelector("[data-cms-quality]");
    if (!panel) return;
    var form = panel.closest("form");
    var results = panel.querySelector("[data-cms-quality-results]");
    var button = panel.querySelector("[data-cms-quality-recheck]");
    var timer = null;
    var running = false;

    function check() {
      if (running) return;
      running = true;
      panel.setAttribute("aria-busy", "true");
      fetch(panel.dataset.checkUrl, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { "X-Requested-With": "XMLHttpRequest" },
      })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.text();
        })
        .then(function (html) {
          results.innerHTML = html;
        })
        .catch(function () {
          /* keep the last result; the panel still shows the saved version */
        })
        .finally(function () {
          running = false;
          panel.removeAttribute("aria-busy");
        });
    }

    function schedule(event) {
      if (event && panel.contains(event.target)) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(check, DELAY_MS);
    }

    if (button) button.addEventListener("click", check);
    if (form) {
      form.addEventListener("input", schedule);
      form.addEventListener("change", schedule);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
