// Ranking page: "Compare selected" is enabled only while 2-6 candidates are ticked (issue 24). Without this
// script the button stays enabled and the server says what is wrong, keeping the ticks.
(function () {
  "use strict";
  var button = document.querySelector("[data-shortlist-compare]");
  if (!button || !button.form) {
    return;
  }
  var form = button.form;
  var min = parseInt(button.getAttribute("data-min"), 10) || 2;
  var max = parseInt(button.getAttribute("data-max"), 10) || 6;

  function update() {
    var ticked = form.querySelectorAll('input[name="ids"]:checked').length;
    var ok = ticked >= min && ticked <= max;
    button.disabled = !ok;
    button.setAttribute("aria-disabled", ok ? "false" : "true");
  }

  form.addEventListener("change", update);
  update();
})();
