// Term tooltips (werkboek/markdown/begrippen.py). Each term is a button naming its term (data-begrip); the page has one
// shared, empty tooltip (#begrip-uitleg, which every term's aria-describedby points to). This script fills it from
// window.werkboekBegrippen (begrippen-definities.js, generated from the begrippenlijst) and shows it on hover, on
// keyboard focus and on a tap. Escape closes it (WCAG 1.4.13); the pointer can move onto it without it closing.
(function () {
  var current = null;
  var hideTimer = null;

  function tooltip() { return document.getElementById("begrip-uitleg"); }

  function place(tip, term) {
    var margin = 8;
    var box = term.getBoundingClientRect();
    var width = tip.offsetWidth;
    var left = Math.min(Math.max(margin, box.left), document.documentElement.clientWidth - width - margin);
    tip.style.left = Math.max(margin, left) + "px";
    var below = box.bottom + 6;
    var fitsBelow = below + tip.offsetHeight <= window.innerHeight - margin;
    tip.style.top = (fitsBelow ? below : Math.max(margin, box.top - tip.offsetHeight - 6)) + "px";
  }

  function show(term) {
    var tip = tooltip();
    var name = term.getAttribute("data-begrip");
    var definition = (window.werkboekBegrippen || {})[name];
    if (!tip || !definition) return;
    clearTimeout(hideTimer);
    if (current !== term) {
      var strong = document.createElement("strong");
      strong.textContent = name;
      tip.replaceChildren(strong, document.createTextNode(": " + definition));
    }
    current = term;
    tip.hidden = false;
    place(tip, term);
  }

  function hide() {
    var tip = tooltip();
    clearTimeout(hideTimer);
    if (tip) tip.hidden = true;
    current = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 300);
  }

  function termOf(node) { return node && node.closest ? node.closest(".begrip__term") : null; }
  function inTooltip(node) { return !!(node && node.closest && node.closest("#begrip-uitleg")); }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) hide();
  });
  document.addEventListener("focusin", function (event) {
    var term = termOf(event.target);
    if (term) show(term);
  });
  document.addEventListener("focusout", function (event) {
    if (termOf(event.target) && !inTooltip(event.relatedTarget)) hide();
  });
  document.addEventListener("click", function (event) {
    var term = termOf(event.target);
    if (term) show(term);
  });
  document.addEventListener("mouseover", function (event) {
    var term = termOf(event.target);
    if (term && !term.contains(event.relatedTarget)) show(term);
    else if (inTooltip(event.target) && current) clearTimeout(hideTimer);
  });
  document.addEventListener("mouseout", function (event) {
    var from = termOf(event.target) || (inTooltip(event.target) ? tooltip() : null);
    if (!from || !current || from.contains(event.relatedTarget)) return;
    if (termOf(event.relatedTarget) === current || inTooltip(event.relatedTarget)) return;
    if (document.activeElement !== current) hideSoon();
  });
  window.addEventListener("scroll", function () {
    var tip = tooltip();
    if (current && tip && !tip.hidden) place(tip, current);
  }, { passive: true });
  window.addEventListener("resize", function () { if (current) hide(); });
})();
