/* LIX, the Danish readability index, recounted as the editor types.
 *
 * The same rules as home/readability.py, rule for rule (its docstring says
 * them); both are tested against tests/home/lix_examples.py. */
(function () {
  "use strict";

  var TOKEN = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*|[.!?:]+|\n/gu;
  var WORD_START = /^[\p{L}\p{N}]/u;
  var NO_NEW_SENTENCE = /^[\p{Ll}\p{Nd}]/u;
  var LETTER = /\p{L}/gu;
  var LONG_WORD_LETTERS = 6;
  var BANDS = [[25, "meget let"], [35, "let"], [45, "middel"], [55, "svær"]];

  function band(value) {
    for (var i = 0; i < BANDS.length; i++) {
      if (value < BANDS[i][0]) return BANDS[i][1];
    }
    return "meget svær";
  }

  function opensNoSentence(token) {
    if (token === undefined || token === "\n" || !WORD_START.test(token)) return false;
    return NO_NEW_SENTENCE.test(token);
  }

  function lix(text) {
    var tokens = String(text).match(TOKEN) || [];
    var words = 0, longWords = 0, sentences = 0, open = false;
    for (var i = 0; i < tokens.length; i++) {
      var token = tokens[i];
      if (token === "\n") {
        if (open) { sentences++; open = false; }
      } else if (!WORD_START.test(token)) {
        if (open && !opensNoSentence(tokens[i + 1])) { sentences++; open = false; }
      } else {
        var letters = (token.match(LETTER) || []).length;
        if (letters) {
          words++;
          if (letters > LONG_WORD_LETTERS) longWords++;
          open = true;
        }
      }
    }
    if (open) sentences++;
    var score = words ? words / sentences + (100 * longWords) / words : null;
    var rounded = score === null ? null : Math.round(score);
    return {
      words: words, longWords: longWords, sentences: sentences,
      score: score, rounded: rounded, band: rounded === null ? "" : band(rounded),
    };
  }

  /* The lines of a Draftail editor next to its hidden input, one per block. */
  function draftailText(field) {
    var editor = field && field.parentElement.querySelector(".Draftail-Editor");
    if (!editor) return null;
    var lines = [];
    editor.querySelectorAll('[data-block="true"]').forEach(function (block) {
      lines.push(block.textContent);
    });
    return lines.join("\n");
  }

  /* A StreamField's prose in reading order: heading texts, rich-text paragraphs
   * (each Draftail block a line) and quotes; as readability.body_texts. */
  function streamTexts(form, name) {
    var texts = [];
    var types = form.querySelectorAll('input[name^="' + name + '-"][name$="-type"]');
    types.forEach(function (typeInput) {
      var prefix = typeInput.name.slice(0, -"-type".length);
      // Only the stream's own blocks ("body-3-type"), not nested ones.
      if (!/^\d+$/.test(prefix.slice(name.length + 1))) return;
      var type = typeInput.value;
      var deleted = form.querySelector('[name="' + prefix + '-deleted"]');
      if (deleted && deleted.value === "1") return;
      if (type === "heading") {
        var heading = form.querySelector('[name="' + prefix + '-value-text"]');
        if (heading) texts.push(heading.value);
      } else if (type === "quote") {
        var quote = form.querySelector('[name="' + prefix + '-value-quote"]');
        if (quote) texts.push(quote.value);
      } else if (type === "paragraph") {
        var text = draftailText(form.querySelector('[name="' + prefix + '-value"]'));
        if (text !== null) texts.push(text);
      }
    });
    return texts.join("\n");
  }

  /* One prose field as readability.field_text reads it: a StreamField, a rich
   * text field (Draftail) or a plain text field. */
  function fieldText(form, name) {
    if (form.querySelector('[name="' + name + '-count"]')) return streamTexts(form, name);
    var field = form.querySelector('[name="' + name + '"]');
    if (!field) return "";
    var rich = draftailText(field);
    return rich === null ? field.value : rich;
  }

  function pageText(form, fields) {
    var title = form.querySelector('[name="title"]');
    var parts = [title ? title.value : ""];
    fields.forEach(function (name) { parts.push(fieldText(form, name)); });
    return parts.join("\n");
  }

  function setText(element, text) {
    if (element.textContent !== text) element.textContent = text;
  }

  function show(panel, result) {
    var target = Number(panel.dataset.lixTarget);
    setText(panel.querySelector("[data-lix-score]"),
      result.rounded === null ? "–" : String(result.rounded));
    setText(panel.querySelector("[data-lix-band]"),
      result.band ? "Niveau: " + result.band : "Ingen tekst endnu");
    setText(panel.querySelector("[data-lix-verdict]"),
      result.rounded === null ? "" : result.rounded <= target ? "(inden for målet)" : "(over målet)");
    setText(panel.querySelector("[data-lix-counts]"),
      result.words + " ord, heraf " + result.longWords + " lange (over 6 bogstaver), i " +
      result.sentences + " sætninger.");
    panel.dataset.lixReady = "true";
  }

  function bind(panel) {
    var form = panel.closest("form");
    if (!form || panel.dataset.lixBound) return;
    panel.dataset.lixBound = "true";
    var fields = JSON.parse(panel.dataset.lixFields || '["intro", "body"]');
    var pending = false;
    function update() {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        show(panel, lix(pageText(form, fields)));
      });
    }
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    // Draftail and new blocks change the DOM without an input event on the form.
    new MutationObserver(function (mutations) {
      // The panel's own figures changing is no edit.
      if (mutations.some(function (m) { return !panel.contains(m.target); })) update();
    }).observe(form, {
      childList: true, subtree: true, characterData: true,
    });
    update();
  }

  window.VoresIshojLix = { lix: lix, band: band };
  function start() { document.querySelectorAll("[data-lix-panel]").forEach(bind); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
