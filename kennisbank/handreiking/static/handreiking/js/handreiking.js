// Progressive enhancement: a print button on the whole-book page (the browser menu works too).
(function () {
  "use strict";
  document.querySelectorAll("[data-afdrukken]").forEach(function (knop) {
    knop.addEventListener("click", function () { window.print(); });
  });
})();
