/* Lantern: opens an encrypted member page. The key is in the link's fragment (#k=…), which
   browsers never send to the host. The page's content is AES-256-GCM ciphertext in
   #sealed[data-sealed] (12-byte nonce, ciphertext, 16-byte tag), decrypted with WebCrypto.
   WebCrypto needs a secure context: HTTPS, or http://localhost. Without the key, or with a
   wrong one, the page keeps its "open this page from your personal link" message. */
(function () {
  "use strict";
  var sealed = document.getElementById("sealed");
  var main = document.getElementById("main");
  if (!sealed || !main || !window.crypto || !crypto.subtle) { return; }
  var data = bytes(sealed.getAttribute("data-sealed"));

  function bytes(base64) {
    var binary = atob(base64.replace(/-/g, "+").replace(/_/g, "/"));
    var out = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) { out[i] = binary.charCodeAt(i); }
    return out;
  }

  var unlocked = false;

  function unlock() {
    var match = /(?:^#|&)k=([A-Za-z0-9_-]{43})(?:&|$)/.exec(location.hash);
    if (unlocked || !match) { return; }
    crypto.subtle.importKey("raw", bytes(match[1] + "="), "AES-GCM", false, ["decrypt"])
      .then(function (key) {
        return crypto.subtle.decrypt({ name: "AES-GCM", iv: data.slice(0, 12) }, key, data.slice(12));
      })
      .then(function (plain) {
        if (unlocked) { return; }
        unlocked = true;
        main.innerHTML = new TextDecoder().decode(plain);
        // Links between this member's own pages keep the key.
        var links = main.querySelectorAll("a[data-keep-key]");
        for (var i = 0; i < links.length; i++) { links[i].href = links[i].getAttribute("href") + location.hash; }
        document.dispatchEvent(new Event("lantern:unlocked"));
      })
      .catch(function () { /* wrong key: the locked message stays */ });
  }

  unlock();
  // A corrected link pasted into the same tab changes only the fragment: try again.
  window.addEventListener("hashchange", unlock);
})();
