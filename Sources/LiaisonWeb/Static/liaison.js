// Liaison: a little help in the browser; every page works without it.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Buttons that change what participants see ask first.
  document.querySelectorAll("button[data-confirm]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      if (!window.confirm(button.getAttribute("data-confirm"))) { event.preventDefault(); }
    });
  });
  // A delegation means something only where delegates meet hosts: shown for sides events only.
  document.querySelectorAll("select[name=pairing]").forEach(function (select) {
    function show() {
      select.form.querySelectorAll("[data-sides-only]").forEach(function (field) { field.hidden = select.value !== "sides"; });
    }
    select.addEventListener("change", show);
    show();
  });
  // A link field selects itself, ready to copy.
  document.querySelectorAll("input.copy").forEach(function (input) {
    input.addEventListener("focus", function () { input.select(); });
  });
});
