/* Lantern storefront helper. No dependencies, ES5 so old in-app browsers (WeChat) run it.
   Loads the member's shared item list into the order form, sums the checked items of each form[data-budget-fen], shows the total in the form's <output>,
   and blocks submitting over budget. The page works without it: the order endpoint checks again. */
(function () {
  "use strict";
  if (!document.querySelectorAll) { return; }

  function toFen(value) {
    var n = parseInt(value, 10);
    return isNaN(n) ? 0 : n;
  }

  // Integer fen to "¥x.xx" without floating point.
  function yuan(fen) {
    var cents = String(fen % 100);
    return "¥" + Math.floor(fen / 100) + "." + (cents.length < 2 ? "0" + cents : cents);
  }

  // Append the chosen items to the body of a mailto: URL (RFC 6068 line breaks).
  function mailtoWith(base, lines) {
    if (!lines.length) { return base; }
    var extra = encodeURIComponent("\r\n已选：\r\n" + lines.join("\r\n"));
    var match = /([?&]body=)([^&#]*)/.exec(base);
    if (match) {
      return base.slice(0, match.index) + match[1] + match[2] + extra +
        base.slice(match.index + match[0].length);
    }
    return base + (base.indexOf("?") < 0 ? "?" : "&") + "body=" + extra.replace(/^%0D%0A/, "");
  }

  function setUp(form) {
    var budget = parseInt(form.getAttribute("data-budget-fen"), 10);
    var output = form.querySelector("output");
    var totalLine = form.querySelector("[data-total]");
    var warning = form.querySelector("[data-over-budget]");
    var submit = form.querySelector("[type=submit]");
    var mailto = form.querySelector("a[data-order-mailto]");
    var mailtoBase = mailto ? mailto.getAttribute("href") : "";
    var over = false;

    function update() {
      var boxes = form.querySelectorAll("input[type=checkbox][data-price-fen]");
      var total = 0, lines = [], i, box;
      for (i = 0; i < boxes.length; i++) {
        box = boxes[i];
        if (box.checked) {
          total += toFen(box.getAttribute("data-price-fen"));
          lines.push((box.getAttribute("data-name") || "") + "（" + box.value + "）");
        }
      }
      over = !isNaN(budget) && total > budget;
      if (output) { output.textContent = yuan(total); }
      if (totalLine) { totalLine.hidden = false; }
      if (warning) {
        warning.hidden = !over;
        if (over && !isNaN(budget)) {
          warning.textContent = "已超出预算 " + yuan(total - budget) + "，请取消部分选择后再提交。";
        }
      }
      if (submit) { submit.disabled = over; }
      if (form.classList) {
        if (over) { form.classList.add("is-over"); } else { form.classList.remove("is-over"); }
      }
      if (mailto && mailtoBase) { mailto.setAttribute("href", mailtoWith(mailtoBase, lines)); }
    }

    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) {
      update();
      if (over) { event.preventDefault(); }
    });
    if (mailto) {
      mailto.addEventListener("click", function (event) {
        update();
        if (over) { event.preventDefault(); }
      });
    }
    // Back/forward navigation may restore checked boxes from the page cache.
    window.addEventListener("pageshow", update);
    update();
  }

  // A storefront's items live in a list page shared by every member of the same group; load
  // its <template data-choices> into the order form. Without JavaScript (or on file://, where
  // browsers refuse to fetch) the container keeps its link to the list page.
  function loadChoices(container, done) {
    var src = container.getAttribute("data-choices-src");
    if (!src || !window.fetch || !window.DOMParser) { return done(); }
    fetch(src).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.text();
    }).then(function (text) {
      var doc = new DOMParser().parseFromString(text, "text/html");
      var template = doc.querySelector("template[data-choices]");
      if (template) {
        container.innerHTML = template.innerHTML;
        container.removeAttribute("data-choices-src");
      }
      done();
    }).catch(function () { done(); });
  }

  function start() {
    var forms = document.querySelectorAll("form[data-budget-fen]");
    for (var i = 0; i < forms.length; i++) {
      (function (form) {
        if (form.getAttribute("data-ready")) { return; }
        form.setAttribute("data-ready", "1");
        var container = form.querySelector("[data-choices-src]");
        if (container) {
          loadChoices(container, function () { setUp(form); });
        } else {
          setUp(form);
        }
      })(forms[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
  // Encrypted member pages insert their content after unlock.js has decrypted it.
  document.addEventListener("lantern:unlocked", start);
})();
