// "Kopiér" beside a fediverse address: copies @detsker@… for pasting into Mastodon's
// search. Without this script the button stays hidden and the address can be selected.
(function () {
  document.querySelectorAll(".follow-fediverse__copy").forEach(function (item) {
    if (item.dataset.ready) { return; }
    item.dataset.ready = "1";
    var button = item.querySelector("button");
    var status = item.querySelector(".follow-fediverse__status");
    item.hidden = false;
    button.addEventListener("click", function () {
      var text = button.getAttribute("data-copy");
      var done = function () { status.textContent = "Adressen er kopieret."; };
      var fallback = function () {
        var field = document.createElement("input");
        field.value = text;
        field.readOnly = true;
        field.setAttribute("aria-label", "Adressen");
        item.appendChild(field);
        field.select();
        var copied = false;
        try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
        status.textContent = copied ? "Adressen er kopieret." : "Kopiér adressen i feltet.";
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, fallback);
      } else {
        fallback();
      }
    });
  });
})();
