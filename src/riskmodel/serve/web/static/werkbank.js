// Optional: updates the result panel while the analyst fills in facts. The page works
// without this script (the form posts and the server redirects to the result); this only
// posts the same form to <case>/voorbeeld and swaps in the HTML fragment the server renders.
(function () {
  "use strict";
  var form = document.getElementById("case-form");
  var panel = document.getElementById("result");
  var status = document.getElementById("live-status");
  if (!form || !panel || !window.fetch || !window.FormData) { return; }
  var url = form.getAttribute("data-preview");
  var timer = null;
  var sequence = 0;

  function update() {
    var mine = ++sequence;
    var body = new URLSearchParams(new FormData(form));
    panel.setAttribute("aria-busy", "true");
    fetch(url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "text/html" }
    }).then(function (response) {
      return response.text();
    }).then(function (html) {
      if (mine !== sequence) { return; }  // a later change is on its way
      panel.innerHTML = html;
      panel.setAttribute("aria-busy", "false");
      panel.setAttribute("data-updated", String(mine));
      var note = panel.querySelector(".live-note");
      if (status && note) { status.textContent = note.textContent; }
    }).catch(function () {
      panel.setAttribute("aria-busy", "false");
    });
  }

  function schedule(delay) {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(update, delay);
  }

  form.addEventListener("change", function () { schedule(150); });
  form.addEventListener("input", function (event) {
    var type = event.target && event.target.type;
    if (type === "number" || type === "text" || type === "date") { schedule(500); }
  });
}());
