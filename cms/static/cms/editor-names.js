// Wagtail's rich text editor (Draftail) draws its own text box and leaves the field's <label>
// pointing at the hidden input it replaces, so screen readers announce an unnamed text box
// (axe: aria-input-field-name; wagtail/wagtail#14205). Until Wagtail names it, this names each
// editor after its field's label or, inside a StreamField, after its block's heading.
(function () {
  "use strict";
  var EDITOR = ".public-DraftEditor-content[role=textbox]";

  function labelId(editor) {
    var field = editor.closest("[data-field]");
    var input = field && field.querySelector("input[type=hidden][id]");
    var label = input && document.querySelector('label[for="' + CSS.escape(input.id) + '"]');
    if (label && label.textContent.trim()) {
      if (!label.id) label.id = input.id + "-label";
      return label.id;
    }
    var panel = editor.closest("section[aria-labelledby]");
    return panel ? panel.getAttribute("aria-labelledby") : null;
  }

  function nameEditors(root) {
    root.querySelectorAll(EDITOR).forEach(function (editor) {
      if (editor.hasAttribute("aria-labelledby") || editor.hasAttribute("aria-label")) return;
      var id = labelId(editor);
      if (id) editor.setAttribute("aria-labelledby", id);
    });
  }

  function start() {
    nameEditors(document);
    new MutationObserver(function () {
      nameEditors(document);
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
