// Progressive enhancement: a countdown for the current step. The page works without it.
(function () {
  "use strict";
  var timer = document.querySelector(".timer[data-minuten]");
  if (!timer) { return; }
  var knop = document.createElement("button");
  knop.type = "button";
  knop.className = "knop knop--secundair";
  knop.textContent = "Start timer";
  timer.appendChild(knop);
  var uitvoer = document.createElement("span");
  uitvoer.setAttribute("role", "timer");
  timer.appendChild(uitvoer);
  var eind = null;
  function tonen() {
    var rest = Math.round((eind - Date.now()) / 1000);
    var teken = rest < 0 ? "-" : "";
    var s = Math.abs(rest);
    uitvoer.textContent = " " + teken + Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
    if (rest < 0) { uitvoer.className = "timer--over"; }
  }
  knop.addEventListener("click", function () {
    eind = Date.now() + parseInt(timer.dataset.minuten, 10) * 60000;
    knop.hidden = true;
    tonen();
    setInterval(tonen, 1000);
  });
})();
