/* Lantern storefront helper. No dependencies, ES5 so old in-app browsers (WeChat) run it.
   Loads the member's shared item list into the order form, sums the checked items of each
   form[data-budget-fen], shows the total and what is left of the budget, marks the items the
   member can no longer afford, blocks submitting nothing or over budget, submits to the collector
   with fetch and shows its confirmation in the page, and shows the current choice when the
   collector knows one. The page works without it: the form posts as it is, and the collector
   checks everything again. */
(function () {
  "use strict";
  if (!document.querySelectorAll) { return; }

  function toFen(value) {
    var n = parseInt(value, 10);
    return isNaN(n) ? 0 : n;
  }

  // The page's words, in its language: the form's data-t-* attributes (the locale file's
  // strings), each %s filled in turn.
  var words = null;
  function say(name) {
    var text = (words && words.getAttribute("data-t-" + name)) || "";
    for (var i = 1; i < arguments.length; i++) { text = text.replace("%s", arguments[i]); }
    return text;
  }

  // Integer fen to the page's money format ("¥x.xx", "CNY x.xx") without floating point.
  function yuan(fen) {
    var cents = String(fen % 100);
    var amount = Math.floor(fen / 100) + "." + (cents.length < 2 ? "0" + cents : cents);
    var format = (words && words.getAttribute("data-money")) || "¥{{amount}}";
    return format.replace("{{amount}}", amount);
  }

  // The name on the item's card (its label).
  function itemName(box) {
    var name = box.parentNode && box.parentNode.querySelector(".item-name");
    return name ? name.textContent : "";
  }

  // Append the chosen items to the body of a mailto: URL (RFC 6068 line breaks).
  function mailtoWith(base, lines) {
    if (!lines.length) { return base; }
    var extra = encodeURIComponent("\r\n" + say("mail") + "\r\n" + lines.join("\r\n"));
    var match = /([?&]body=)([^&#]*)/.exec(base);
    if (match) {
      return base.slice(0, match.index) + match[1] + match[2] + extra +
        base.slice(match.index + match[0].length);
    }
    return base + (base.indexOf("?") < 0 ? "?" : "&") + "body=" + extra.replace(/^%0D%0A/, "");
  }

  function setUp(form) {
    words = form;
    var budget = parseInt(form.getAttribute("data-budget-fen"), 10);
    var output = form.querySelector("output");
    var warning = form.querySelector("[data-over-budget]");
    var submit = form.querySelector("[data-submit]");
    var mailto = form.querySelector("a[data-order-mailto]");
    var mailtoBase = mailto ? mailto.getAttribute("href") : "";
    var remainingOutput = form.querySelector("output[data-remaining]");
    var remainingLabel = form.querySelector("[data-remaining-label]");
    var empty = form.querySelector("[data-empty]");
    var confirmation = form.querySelector("[data-confirmation]");
    var current = form.querySelector("[data-current]");
    var over = false, count = 0;

    function update() {
      var boxes = form.querySelectorAll("input[type=checkbox][data-price-fen]");
      var total = 0, lines = [], i, box;
      count = 0;
      for (i = 0; i < boxes.length; i++) {
        box = boxes[i];
        if (box.checked) {
          total += toFen(box.getAttribute("data-price-fen"));
          count += 1;
          lines.push(itemName(box) + " (" + box.value + ")");
        }
      }
      over = !isNaN(budget) && total > budget;
      if (output) { output.textContent = yuan(total); }
      if (!isNaN(budget)) {
        var left = budget - total;
        // Over budget, the bar says by how much, in the place of what is left.
        if (remainingOutput) { remainingOutput.textContent = yuan(left >= 0 ? left : -left); }
        if (remainingLabel) { remainingLabel.textContent = say(left >= 0 ? "left" : "over"); }
        // An item dearer than what is left cannot be added any more: marked, still tickable
        // (the member may untick another first).
        for (i = 0; i < boxes.length; i++) {
          box = boxes[i];
          var choice = box.parentNode;
          var cannot = !box.checked && toFen(box.getAttribute("data-price-fen")) > left;
          if (choice && choice.classList) {
            if (cannot) { choice.classList.add("unaffordable"); } else { choice.classList.remove("unaffordable"); }
          }
        }
      }
      if (empty && count > 0) { empty.hidden = true; }
      if (warning) {
        warning.hidden = !over;
        if (over && !isNaN(budget)) {
          warning.textContent = say("over-budget", yuan(total - budget));
        }
      }
      if (submit) { submit.disabled = over; }
      if (form.classList) {
        if (over) { form.classList.add("is-over"); } else { form.classList.remove("is-over"); }
      }
      if (mailto && mailtoBase) { mailto.setAttribute("href", mailtoWith(mailtoBase, lines)); }
    }

    // What only counts with JavaScript: the sum, what is left, the button that sends the ticks.
    var live = form.querySelectorAll("[data-live], [data-submit]");
    for (var i = 0; i < live.length; i++) { live[i].hidden = false; }
    form.addEventListener("change", update);
    // The button to the collector's own form (shown while the list is not loaded) goes there
    // as it is: nothing is chosen yet.
    var toForm = false;
    form.addEventListener("click", function (event) {
      toForm = !!(event.target && event.target.getAttribute && event.target.getAttribute("data-order-form") !== null);
    });
    form.addEventListener("submit", function (event) {
      if (toForm) { toForm = false; return; }
      update();
      if (over) { event.preventDefault(); return; }
      if (count === 0) {
        event.preventDefault();
        if (empty) {
          empty.hidden = false;
          if (empty.focus) { empty.focus(); }
        }
        return;
      }
      if (submitWithFetch(form, confirmation, current)) { event.preventDefault(); }
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
    // The form now sums and checks the choice (the page's CSS and tests can tell).
    if (form.classList) { form.classList.add("is-live"); }
  }

  // The form's fields as the browser would send them (application/x-www-form-urlencoded).
  function formBody(form) {
    var parts = [], fields = form.elements, i, field;
    for (i = 0; i < fields.length; i++) {
      field = fields[i];
      if (!field.name || field.disabled) { continue; }
      if ((field.type === "checkbox" || field.type === "radio") && !field.checked) { continue; }
      if (field.type === "submit" || field.type === "button" || field.tagName === "OUTPUT") { continue; }
      parts.push(encodeURIComponent(field.name) + "=" + encodeURIComponent(field.value));
    }
    return parts.join("&").replace(/%20/g, "+");
  }

  function show(region, text, refused) {
    if (!region) { return; }
    region.textContent = text;
    region.hidden = false;
    if (region.classList) {
      if (refused) { region.classList.add("is-refused"); } else { region.classList.remove("is-refused"); }
    }
    if (region.focus) { region.focus(); }
  }

  // Posts the choice to the collector and shows its answer here. Returns false when it cannot
  // (no fetch, no endpoint): the form then posts as it is and the collector answers with a page.
  // A network failure or an answer that is not the collector's JSON falls back the same way.
  function submitWithFetch(form, confirmation, current) {
    var action = form.getAttribute("action");
    if (!action || !window.fetch || !confirmation) { return false; }
    var submit = form.querySelector("[data-submit]");
    if (submit) { submit.disabled = true; }
    fetch(action, {
      method: "POST", mode: "cors", credentials: "omit",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json" },
      body: formBody(form)
    }).then(function (response) {
      return response.json();
    }).then(function (answer) {
      if (submit) { submit.disabled = false; }
      if (answer.status === "accepted") {
        show(confirmation, say("sent", answer.receipt, answer.total, answer.remaining), false);
        if (current) { current.hidden = true; }
      } else {
        show(confirmation, answer.message || say("failed"), true);
      }
    }).catch(function () {
      if (submit) { submit.disabled = false; }
      form.submit();
    });
    return true;
  }

  // The choice the collector already holds for this member and theme, ticked again.
  function loadCurrent(form, done) {
    words = form;
    var url = form.getAttribute("data-status-url");
    if (!url || !window.fetch) { return done(); }
    fetch(url, { headers: { "Accept": "application/json" }, mode: "cors", credentials: "omit" }).then(function (response) {
      return response.json();
    }).then(function (answer) {
      if (answer.status === "chosen" && answer.skus) {
        var boxes = form.querySelectorAll("input[type=checkbox][data-price-fen]"), i;
        for (i = 0; i < boxes.length; i++) { boxes[i].checked = answer.skus.indexOf(boxes[i].value) >= 0; }
        var current = form.querySelector("[data-current]");
        if (current) {
          current.textContent = say("current", answer.receipt, answer.total);
          current.hidden = false;
        }
      }
      done();
    }).catch(function () { done(); });
  }

  // The list's pictures are addressed from the list page, which is in another folder than the
  // storefront: each relative address gets the list's folder in front.
  function rebase(root, folder) {
    function moved(url) { return /^([a-z][a-z0-9+.\-]*:|\/)/i.test(url) ? url : folder + url; }
    var images = root.querySelectorAll("img[src]"), i, srcset;
    for (i = 0; i < images.length; i++) {
      images[i].setAttribute("src", moved(images[i].getAttribute("src")));
      srcset = images[i].getAttribute("srcset");
      if (srcset) {
        images[i].setAttribute("srcset", srcset.replace(/(^|,)(\s*)([^\s,]+)/g, function (all, comma, space, url) {
          return comma + space + moved(url);
        }));
      }
    }
  }

  // A storefront's items live in a list page shared by every member of the same group; load
  // its <section data-choices> into the order form. Without JavaScript (or on file://, where
  // browsers refuse to fetch) the container keeps its link to the list page.
  function loadChoices(container, done) {
    var src = container.getAttribute("data-choices-src");
    if (!src || !window.fetch || !window.DOMParser) { return done(); }
    fetch(src).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.text();
    }).then(function (text) {
      var doc = new DOMParser().parseFromString(text, "text/html");
      var choices = doc.querySelector("[data-choices]");
      if (choices) {
        // Rebased while still in the parsed document, which loads nothing: in the page, a
        // picture would be fetched at its old address first.
        rebase(choices, src.slice(0, src.lastIndexOf("/") + 1));
        container.innerHTML = choices.innerHTML;
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
        var ready = function () { loadCurrent(form, function () { setUp(form); }); };
        if (container) {
          loadChoices(container, ready);
        } else {
          ready();
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
