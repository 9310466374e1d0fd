/* Highlight every piece of the evidence span named in the URL fragment: a span cut by an
   overlapping one is several <mark>s, and :target only reaches the first. */
(function () {
  "use strict";

  function highlight() {
    document.querySelectorAll("mark.ev-current").forEach(function (m) { m.classList.remove("ev-current"); });
    const id = window.location.hash.slice(1);
    if (!/^ev\d+$/.test(id)) return;
    document.querySelectorAll("mark[data-ev]").forEach(function (m) {
      if (m.dataset.ev.split(" ").indexOf(id) !== -1) m.classList.add("ev-current");
    });
  }

  window.addEventListener("hashchange", highlight);
  document.addEventListener("DOMContentLoaded", highlight);
})();
