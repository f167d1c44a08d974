/* Lantern: opens an encrypted member page. The key is in the link's fragment (#k=…), which
   browsers never send to the host. The member's part of the page is AES-256-GCM ciphertext in
   #sealed[data-sealed] (12-byte nonce, ciphertext, 16-byte tag); it is decrypted with WebCrypto
   and put in the place of #sealed.

   Once the page is open, the fragment leaves the address bar (history.replaceState), so the key
   is not in a screenshot, a copied address, a bookmark or synced history. It stays only in this
   page's memory and in the links between the member's own pages (a[data-keep-key]); nothing
   stores it, so reloading the page needs the personal link again.

   Until then the page shows why it is locked: no key (the message the page is built with), no
   WebCrypto (it needs a secure context: HTTPS, or http://localhost), or a key that is cut short
   or does not open the page (the link is incomplete). */
(function () {
  "use strict";
  var sealed = document.getElementById("sealed");
  if (!sealed) { return; }
  var locked = sealed.querySelector("[data-locked]");
  var unlocked = false;

  // The words come with the page, in its language (the locale's `locked.*` strings).
  function reason(name) {
    return locked ? [locked.getAttribute("data-" + name), locked.getAttribute("data-" + name + "-detail")] : [];
  }

  // Shows why the page stays locked, above the message it was built with.
  function say(name) {
    if (!locked) { return; }
    var box = locked.querySelector("[data-locked-reason]");
    if (!box) {
      box = document.createElement("div");
      box.setAttribute("role", "alert");
      locked.insertBefore(box, locked.firstChild);
    }
    box.setAttribute("data-locked-reason", name);
    box.textContent = "";
    var lines = reason(name);
    for (var i = 0; i < lines.length; i++) {
      var p = document.createElement(i === 0 ? "strong" : "p");
      p.textContent = lines[i];
      box.appendChild(p);
    }
  }

  function bytes(base64) {
    var binary = atob(base64.replace(/-/g, "+").replace(/_/g, "/"));
    var out = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) { out[i] = binary.charCodeAt(i); }
    return out;
  }

  // The key in the address's fragment; null for none.
  function currentKey() {
    var match = /(?:^#|&)k=([^&]*)/.exec(location.hash);
    return match ? match[1] : null;
  }

  function reveal(plain, key) {
    unlocked = true;
    var holder = document.createElement("template");
    holder.innerHTML = new TextDecoder().decode(plain);
    var links = holder.content.querySelectorAll("a[data-keep-key]");
    for (var i = 0; i < links.length; i++) {
      links[i].setAttribute("href", links[i].getAttribute("href").split("#")[0] + "#k=" + key);
    }
    sealed.parentNode.replaceChild(holder.content, sealed);
    if (window.history && history.replaceState) {
      try { history.replaceState(history.state, "", location.pathname + location.search); } catch (e) { /* keep the address */ }
    }
    document.dispatchEvent(new Event("lantern:unlocked"));
  }

  function unlock() {
    if (unlocked) { return; }
    if (!window.crypto || !crypto.subtle) { say("https"); return; }
    var key = currentKey();
    if (key === null) { return; }
    // 32 bytes are 43 characters of base64url: fewer (or others) is a link cut short.
    if (!/^[A-Za-z0-9_-]{43}$/.test(key)) { say("incomplete"); return; }
    var data = bytes(sealed.getAttribute("data-sealed"));
    crypto.subtle.importKey("raw", bytes(key + "="), "AES-GCM", false, ["decrypt"])
      .then(function (cryptoKey) {
        return crypto.subtle.decrypt({ name: "AES-GCM", iv: data.slice(0, 12) }, cryptoKey, data.slice(12));
      })
      .then(function (plain) { if (!unlocked) { reveal(plain, key); } })
      .catch(function () { if (!unlocked) { say("incomplete"); } });
  }

  unlock();
  // A corrected link pasted into the same tab changes only the fragment: try again.
  window.addEventListener("hashchange", unlock);
})();
