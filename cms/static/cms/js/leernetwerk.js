// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  var input = document.querySelector("[data-autocomplete]");
  if (!input || !window.fetch) { return; }
  var lijst = document.createElement("ul");
  lijst.className = "autocomplete";
  lijst.id = "zoekbalk-suggesties";
  lijst.hidden = true;
  input.setAttribute("aria-controls", lijst.id);
  input.setAttribute("aria-autocomplete", "list");
  input.parentNode.appendChild(lijst);
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (q.length < 2) { lijst.hidden = true; return; }
    timer = setTimeout(function () {
      fetch(input.dataset.autocomplete + "?q=" + encodeURIComponent(q), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : { resultaten: [] }; })
        .then(function (data) {
          lijst.innerHTML = "";
          (data.resultaten || []).forEach(function (r) {
            var li = document.createElement("li");
            var a = document.createElement("a");
            a.href = r.url;
            a.textContent = r.titel;
            li.appendChild(a);
            lijst.appendChild(li);
          });
          lijst.hidden = !lijst.children.length;
        })
        .catch(function () { lijst.hidden = true; });
    }, 150);
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { lijst.hidden = true; }
    if (e.key === "ArrowDown" && !lijst.hidden) { e.preventDefault(); lijst.querySelector("a").focus(); }
  });
  document.addEventListener("click", function (e) { if (!lijst.contains(e.target) && e.target !== input) { lijst.hidden = true; } });
})();
