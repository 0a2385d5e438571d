/* Worksheet answers stay in this browser only (localStorage, per instrument and form version) and come back on
   reload, also from file://. The PDF filler (pdf-lib + werkblad-pdf.js) loads only when its button is pressed. */
(function () {
  "use strict";
  var P = "werkboek:werkblad:", here = document.currentScript.src.replace(/[^/]*$/, ""), loading, s;
  try { s = window.localStorage; s.length; } catch (e) { return; }  // storage blocked: nothing is kept
  function key(f) { return P + f.dataset.instrument + ":" + f.dataset.versie; }
  function fields(f) { return [].filter.call(f.elements, function (el) { return el.name && el.type !== "button"; }); }
  function say(f, text) {  // emptied first, so screen readers announce a repeated message too
    var st = f.querySelector(".werkblad__status");
    st.textContent = "";
    setTimeout(function () { st.textContent = text; }, 30);
  }
  function answers(f) {
    var a = {};
    fields(f).forEach(function (el) {
      var box = el.type === "checkbox" || el.type === "radio";
      if (box ? el.checked : el.value) a[el.name] = el.type === "checkbox" ? true : el.value;
    });
    return a;
  }
  function save(f) {
    var a = answers(f);
    try { if (Object.keys(a).length) s.setItem(key(f), JSON.stringify(a)); else s.removeItem(key(f)); }
    catch (e) { say(f, "Je antwoorden kunnen in deze browser niet bewaard worden."); }
  }
  function restore(f) {
    var a, old = P + f.dataset.instrument + ":";
    for (var n = s.length - 1; n >= 0; n--) {  // answers to an older version of this form are dropped
      var k = s.key(n);
      if (k && k.indexOf(old) === 0 && k !== key(f)) s.removeItem(k);
    }
    try { a = JSON.parse(s.getItem(key(f))); } catch (e) { a = null; }
    if (!a) return;
    fields(f).forEach(function (el) {
      var v = a[el.name];
      if (el.type === "checkbox") el.checked = v === true;
      else if (el.type === "radio") el.checked = v === el.value;
      else if (typeof v === "string") el.value = v;
    });
    say(f, "Je eerder ingevulde antwoorden staan er weer.");
  }
  function load(src) {
    return new Promise(function (ok, fail) {
      var el = document.createElement("script");
      el.src = here + src; el.onload = ok; el.onerror = fail;
      document.head.appendChild(el);
    });
  }
  function download(f, b) {
    if (b.getAttribute("aria-busy")) return;
    b.setAttribute("aria-busy", "true");
    say(f, "De PDF met je antwoorden wordt gemaakt…");
    loading = loading || load("vendor/pdf-lib.min.js").then(function () { return load("werkblad-pdf.js"); });
    loading.then(function () {
      return window.werkbladInvullen(f.dataset.instrument, answers(f), f.querySelector("a[download]").href);
    }).then(function (name) {
      say(f, "De PDF met je antwoorden is gedownload (" + name + ").");
    }, function () {
      loading = null;
      say(f, "Het maken van de PDF is niet gelukt. Download het lege werkblad en vul het in met een PDF-lezer.");
    }).then(function () { b.removeAttribute("aria-busy"); });
  }
  function clear(f) {
    if (!window.confirm("Alle antwoorden op dit werkblad wissen?")) return;
    f.reset();
    s.removeItem(key(f));
    say(f, "Je antwoorden op dit werkblad zijn gewist.");
  }
  function grow(on) {  // on paper a text area shows everything typed in it
    document.querySelectorAll(".werkblad textarea").forEach(function (el) {
      el.style.height = on && el.scrollHeight > el.clientHeight ? el.scrollHeight + 2 + "px" : "";
    });
  }
  addEventListener("beforeprint", function () { grow(true); });
  addEventListener("afterprint", function () { grow(false); });
  document.querySelectorAll("form.werkblad[data-versie]").forEach(function (f) {
    if (!fields(f).length) return;  // nothing to fill in on this sheet
    restore(f);
    f.addEventListener("input", function () { save(f); });
    f.addEventListener("change", function () { save(f); });
    f.querySelectorAll("[hidden]").forEach(function (el) { el.hidden = false; });
    f.querySelector('[data-actie="download"]').onclick = function () { download(f, this); };
    f.querySelector('[data-actie="wis"]').onclick = function () { clear(f); };
  });
})();
