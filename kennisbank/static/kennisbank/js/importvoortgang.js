// Progress of a running import: ask the server every two seconds and update the bar and the
// text (a polite live region); when the import has ended, reload to show the outcome.
// Without JavaScript the page has a link to reload it by hand.
(function () {
  "use strict";
  var blok = document.getElementById("importvoortgang");
  if (!blok || !window.fetch) return;
  var balk = blok.querySelector("progress");
  var tekst = blok.querySelector("[data-voortgang-tekst]");
  function vraag() {
    fetch(blok.dataset.voortgangUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (antwoord) { return antwoord.json(); })
      .then(function (stand) {
        if (!stand.loopt) { window.location.reload(); return; }
        balk.max = stand.totaal || 1;
        balk.value = stand.verwerkt;
        tekst.textContent = stand.tekst;
        window.setTimeout(vraag, 2000);
      })
      .catch(function () { window.setTimeout(vraag, 5000); });
  }
  window.setTimeout(vraag, 1000);
})();
