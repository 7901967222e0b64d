// The evaluation pack's progress bar: asks the status every second until the PDF is ready (issue 20).
(function () {
  "use strict";
  var box = document.getElementById("pack");
  if (!box) { return; }
  var bar = document.getElementById("pack-progress");
  var text = document.getElementById("pack-text");
  function show(status) {
    bar.max = status.total || 1;
    bar.value = status.done;
    text.textContent = box.dataset.textProgress.replace("{done}", status.done).replace("{total}", status.total);
    document.getElementById("pack-download").hidden = status.state !== "done";
    document.getElementById("pack-failed").hidden = status.state !== "failed";
    return status.state === "queued" || status.state === "running";
  }
  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (status) { if (show(status)) { window.setTimeout(poll, 1000); } })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  poll();
})();
