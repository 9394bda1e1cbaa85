/*
 * After a failed submit, the page comes back with an error summary (#fejl):
 * focus moves there, so a screen reader reads what to fix and a keyboard
 * user starts from the list of links to each field.
 */
(function () {
  "use strict";
  function focusSummary() {
    var summary = document.getElementById("fejl");
    if (summary) summary.focus();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusSummary);
  } else {
    focusSummary();
  }
})();
