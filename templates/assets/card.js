/* Lantern: the greeting card's "保存或打印贺卡" button (ES5, for in-app browsers). Without this
   script, or without window.print, the buttons stay hidden (lantern.css shows them under
   html.can-print). A click prints that card alone, one page, which the print dialog can also save
   as a PDF. Clicks are caught on the document, so cards unlock.js puts in later work too. */
(function () {
  "use strict";
  var root = document.documentElement;
  if (typeof window.print !== "function" || !root.classList) { return; }
  root.classList.add("can-print");

  var printing = null;
  function done() {
    root.classList.remove("printing-card");
    if (printing) { printing.classList.remove("is-printing"); printing = null; }
  }
  window.addEventListener("afterprint", done);

  document.addEventListener("click", function (event) {
    var button = event.target;
    while (button && button.getAttribute && !button.hasAttribute("data-print-card")) { button = button.parentNode; }
    if (!button || !button.getAttribute) { return; }
    var card = document.getElementById(button.getAttribute("data-print-card"));
    if (!card) { return; }
    done();
    printing = card;
    card.classList.add("is-printing");
    root.classList.add("printing-card");
    window.print();
  });
}());
