// "Kopiér link" on share boxes: copies the page's bare address. Without this
// script the button stays hidden and the other share links work as they are.
(function () {
  document.querySelectorAll(".share__copy").forEach(function (item) {
    var button = item.querySelector("button");
    var status = item.querySelector(".share__status");
    item.hidden = false;
    button.addEventListener("click", function () {
      var url = button.getAttribute("data-share-url");
      var done = function () { status.textContent = "Linket er kopieret."; };
      var fallback = function () {
        var field = document.createElement("input");
        field.value = url;
        field.readOnly = true;
        field.setAttribute("aria-label", "Linket");
        item.appendChild(field);
        field.select();
        var copied = false;
        try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
        status.textContent = copied ? "Linket er kopieret." : "Kopiér linket i feltet.";
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(done, fallback);
      } else {
        fallback();
      }
    });
  });
})();
