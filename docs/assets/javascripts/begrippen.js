// Term tooltips (hooks/glossary.py): Escape closes an open definition (WCAG 1.4.13); it opens again on the next
// hover or focus.
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") return;
  document.querySelectorAll(".begrip").forEach(function (el) { el.classList.add("is-gesloten"); });
});
["mouseover", "focusin"].forEach(function (type) {
  document.addEventListener(type, function (event) {
    var term = event.target.closest && event.target.closest(".begrip");
    if (term && type === "focusin") term.classList.remove("is-gesloten");
    if (term && type === "mouseover" && !term.contains(event.relatedTarget)) term.classList.remove("is-gesloten");
  });
});
