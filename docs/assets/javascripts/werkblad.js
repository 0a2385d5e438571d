/* Worksheets on the site. What a person types or ticks stays in this browser only (localStorage, keyed by the
   instrument and the version of its form, so answers to an older form are never put into a changed one), and comes
   back on reload, online and from file://. "Wis mijn antwoorden" clears them; "Download ingevuld (PDF)" loads
   pdf-lib and werkblad-pdf.js only when pressed. Nothing is sent anywhere. */
(function () {
  "use strict";
  var PREFIX = "werkboek:werkblad:";
  var here = document.currentScript ? document.currentScript.src.replace(/[^/]*$/, "") : "";
  var loading = null;

  function storage() { try { return window.localStorage; } catch (e) { return null; } }
  function key(form) { return PREFIX + form.dataset.instrument + ":" + form.dataset.versie; }
  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (el) { return el.name && el.type !== "button"; });
  }
  function say(form, text) {
    var status = form.querySelector(".werkblad__status");
    status.textContent = "";
    setTimeout(function () { status.textContent = text; }, 30);  // a new text, so screen readers announce it
  }

  function answers(form) {
    var a = {};
    fields(form).forEach(function (el) {
      if (el.type === "checkbox") { if (el.checked) a[el.name] = true; }
      else if (el.type === "radio") { if (el.checked) a[el.name] = el.value; }
      else if (el.value) a[el.name] = el.value;
    });
    return a;
  }

  function save(form) {
    var s = storage(), a = answers(form);
    try {
      if (Object.keys(a).length) s.setItem(key(form), JSON.stringify(a)); else s.removeItem(key(form));
    } catch (e) { say(form, "Je antwoorden kunnen in deze browser niet bewaard worden."); }
  }

  function restore(form) {
    var s = storage(), a = null, old = PREFIX + form.dataset.instrument + ":";
    for (var n = s.length - 1; n >= 0; n--) {  // answers to an older version of this form: gone
      var k = s.key(n);
      if (k && k.indexOf(old) === 0 && k !== key(form)) s.removeItem(k);
    }
    try { a = JSON.parse(s.getItem(key(form)) || "null"); } catch (e) { a = null; }
    if (!a) return;
    fields(form).forEach(function (el) {
      var v = a[el.name];
      if (el.type === "checkbox") el.checked = v === true;
      else if (el.type === "radio") el.checked = v === el.value;
      else if (typeof v === "string") el.value = v;
    });
    say(form, "Je eerder ingevulde antwoorden staan er weer.");
  }

  function load(src) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement("script");
      el.src = src; el.onload = resolve;
      el.onerror = function () { reject(new Error(src)); };
      document.head.appendChild(el);
    });
  }

  function download(form, button) {
    if (button.getAttribute("aria-busy") === "true") return;
    button.setAttribute("aria-busy", "true");
    say(form, "De PDF met je antwoorden wordt gemaakt…");
    loading = loading || load(here + "vendor/pdf-lib.min.js").then(function () { return load(here + "werkblad-pdf.js"); });
    var blank = form.querySelector(".werkblad__download a[download]");
    loading.then(function () {
      return window.werkbladInvullen(form.dataset.instrument, answers(form), blank.href);
    }).then(function (name) {
      say(form, "De PDF met je antwoorden is gedownload (" + name + ").");
    }, function () {
      loading = null;
      say(form, "Het maken van de PDF is niet gelukt. Download het lege werkblad en vul het in met een PDF-lezer.");
    }).then(function () { button.removeAttribute("aria-busy"); });
  }

  function clear(form) {
    if (!window.confirm("Alle antwoorden op dit werkblad wissen?")) return;
    form.reset();
    try { storage().removeItem(key(form)); } catch (e) { /* nothing stored */ }
    say(form, "Je antwoorden op dit werkblad zijn gewist.");
  }

  // Printing: text areas grow to show everything typed in them.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".werkblad textarea").forEach(function (el) {
      if (el.scrollHeight > el.clientHeight) el.style.height = el.scrollHeight + 2 + "px";
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll(".werkblad textarea").forEach(function (el) { el.style.height = ""; });
  });

  if (!storage()) return;  // no storage (blocked by the browser): the form works, nothing is kept
  document.querySelectorAll("form.werkblad[data-versie]").forEach(function (form) {
    if (!fields(form).length) return;  // nothing to fill in on this sheet
    restore(form);
    form.addEventListener("input", function () { save(form); });
    form.addEventListener("change", function () { save(form); });
    form.querySelectorAll("[hidden]").forEach(function (el) { el.hidden = false; });
    form.querySelector('[data-actie="download"]').addEventListener("click", function (e) { download(form, e.currentTarget); });
    form.querySelector('[data-actie="wis"]').addEventListener("click", function () { clear(form); });
  });
})();
