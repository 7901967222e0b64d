// Scorecard page: a live "x of n rated" counter. The page works the same without it.
(function () {
  "use strict";
  var form = document.getElementById("scorecard-form");
  var progress = document.getElementById("scorecard-progress");
  if (!form || !progress) {
    return;
  }
  var total = parseInt(progress.getAttribute("data-total"), 10) || 0;
  var template = progress.getAttribute("data-template") || "{done} / {total}";

  function update() {
    var names = {};
    var inputs = form.querySelectorAll("input.rating-input");
    for (var i = 0; i < inputs.length; i += 1) {
      if (inputs[i].checked) {
        names[inputs[i].name] = true;
      }
    }
    var done = Object.keys(names).length;
    progress.textContent = template.replace("{done}", String(done)).replace("{total}", String(total));
    progress.classList.toggle("is-complete", done === total);
  }

  form.addEventListener("change", update);
  update();
})();
