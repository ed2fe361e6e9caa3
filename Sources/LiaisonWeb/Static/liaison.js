// Liaison: a little help in the browser; every page works without it.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Buttons that change what participants see ask first.
  document.querySelectorAll("button[data-confirm]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      if (!window.confirm(button.getAttribute("data-confirm"))) { event.preventDefault(); }
    });
  });
  // A link field selects itself, ready to copy.
  document.querySelectorAll("input.copy").forEach(function (input) {
    input.addEventListener("focus", function () { input.select(); });
  });
});
