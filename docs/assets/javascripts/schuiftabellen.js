// Wide grids that stay grids (a worksheet's scale, a Markdown table): on a narrow screen they scroll sideways inside
// their box. A box wider than the screen gets a visible hint above it ("Schuif opzij …") and, when nothing in it can
// take focus, a tab stop, so a keyboard can scroll it too (WCAG 2.1.1). Runs on load and when the width changes.
(function () {
  var BOXES = ".md-typeset .werkblad table, .md-typeset .md-typeset__scrollwrap";
  var FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]";
  var HINT = "Deze tabel is breder dan het scherm: schuif hem opzij om alle kolommen te zien.";

  function hintFor(box) {
    var hint = box.previousElementSibling;
    if (hint && hint.classList.contains("schuifhint")) return hint;
    hint = document.createElement("p");
    hint.className = "schuifhint";
    hint.setAttribute("data-search-exclude", "");
    hint.textContent = "↔ " + HINT;
    box.parentNode.insertBefore(hint, box);
    return hint;
  }

  function mark() {
    document.querySelectorAll(BOXES).forEach(function (box) {
      var wide = box.scrollWidth > box.clientWidth + 1;
      box.classList.toggle("is-schuifbaar", wide);
      if (wide) hintFor(box).hidden = false;
      else if (box.previousElementSibling && box.previousElementSibling.classList.contains("schuifhint")) {
        box.previousElementSibling.hidden = true;
      }
      var ownStop = box.getAttribute("data-schuif-tabstop") === "1";
      if (wide && !ownStop && !box.querySelector(FOCUSABLE)) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("data-schuif-tabstop", "1");
        if (box.tagName !== "TABLE") box.setAttribute("role", "region");  // a named generic div is not allowed
        if (!box.hasAttribute("aria-label")) box.setAttribute("aria-label", "Tabel, opzij te schuiven");
      } else if (!wide && ownStop) {
        box.removeAttribute("tabindex");
        box.removeAttribute("data-schuif-tabstop");
      }
    });
  }

  var lastWidth = 0;
  function onResize() {
    if (window.innerWidth === lastWidth) return;
    lastWidth = window.innerWidth;
    mark();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onResize);
  else onResize();
  window.addEventListener("resize", onResize);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(mark);
})();
