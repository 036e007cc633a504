// The console works without this file. It only adds a copy button next to a key shown once.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-copy-target]");
  if (!button) return;
  var field = document.getElementById(button.getAttribute("data-copy-target"));
  if (!field || !navigator.clipboard) return;
  navigator.clipboard.writeText(field.value).then(function () {
    button.setAttribute("data-copied", "true");
    var status = document.getElementById(button.getAttribute("aria-describedby"));
    if (status) status.textContent = button.getAttribute("data-copied-text") || "";
  });
});
