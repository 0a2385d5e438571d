/* Worksheet answers stay on this device only: in this browser's localStorage, one entry per instrument
   ("werkboek:antwoorden:<id>": the answers by field name, the fields' labels, when they last changed). They come back
   on every visit, also from file:// and after the site changed: every answer whose field still exists goes back in
   its field, the others are kept and shown as answers to an earlier version until the person throws them away.
   Answers kept by the earlier format ("werkboek:werkblad:<id>:<version>") move into this one on the first visit.
   After the first saved answer the browser is asked once to keep them (navigator.storage.persist()).
   The PDF filler (pdf-lib + werkblad-pdf.js) loads only when its button is pressed; the page "Mijn antwoorden" loads
   its own script (mijn-antwoorden.js). */
(function () {
  "use strict";
  var P = "werkboek:antwoorden:", OLD = "werkboek:werkblad:", ASKED = "werkboek:bewaren-gevraagd",
    here = document.currentScript.src.replace(/[^/]*$/, ""), loading = {}, s = null;
  try { s = window.localStorage; s.length; } catch (e) { s = null; }  // storage blocked: the sheet says so

  function read(id) {
    var r;
    try { r = JSON.parse(s.getItem(P + id)); } catch (e) { r = null; }
    return r && typeof r.antwoorden === "object" ? r : null;
  }
  function write(id, r) {  // throws when the storage is full or blocked
    if (r && Object.keys(r.antwoorden).length) s.setItem(P + id, JSON.stringify(r));
    else s.removeItem(P + id);
  }
  function ids() {
    var out = [];
    for (var n = 0; n < s.length; n++) {
      var k = s.key(n);
      if (k && k.indexOf(P) === 0) out.push(k.slice(P.length));
    }
    return out.sort();
  }
  function migrate() {
    // Answers in the earlier format, one entry per form version. The current version's (data-versie on this page)
    // win over older ones, and answers already in the new format over both; the old entries go once moved.
    var current = {}, old = {};
    document.querySelectorAll("[data-instrument][data-versie]").forEach(function (el) {
      current[el.dataset.instrument] = el.dataset.versie;
    });
    for (var n = 0; n < s.length; n++) {
      var k = s.key(n), rest = k && k.indexOf(OLD) === 0 ? k.slice(OLD.length) : null, at;
      if (rest === null || (at = rest.lastIndexOf(":")) < 1) continue;
      (old[rest.slice(0, at)] = old[rest.slice(0, at)] || []).push({ versie: rest.slice(at + 1), key: k });
    }
    Object.keys(old).forEach(function (id) {
      var was = read(id), r = { antwoorden: {}, labels: {}, gewijzigd: null };
      old[id].sort(function (a, b) { return (a.versie === current[id]) - (b.versie === current[id]); });
      old[id].forEach(function (o) {
        var a;
        try { a = JSON.parse(s.getItem(o.key)); } catch (e) { a = null; }
        if (a && typeof a === "object") Object.keys(a).forEach(function (name) { r.antwoorden[name] = a[name]; });
      });
      if (was) {
        Object.keys(was.antwoorden).forEach(function (name) { r.antwoorden[name] = was.antwoorden[name]; });
        r.labels = was.labels || {};
        r.gewijzigd = was.gewijzigd || null;
        r.titel = was.titel;
      }
      try {
        write(id, r);
        old[id].forEach(function (o) { s.removeItem(o.key); });
      } catch (e) { /* full: the old entries stay until there is room */ }
    });
  }
  function keepAsked(then) {
    // Once per browser, after the first saved answer: ask to keep the answers; a refusal is remembered and shown.
    if (s.getItem(ASKED)) return;
    s.setItem(ASKED, "gevraagd");
    var st = navigator.storage;
    function done(ok) {
      try { s.setItem(ASKED, ok ? "ja" : "nee"); } catch (e) { /* nothing more to keep */ }
      then(ok);
    }
    if (st && st.persist) st.persist().then(done, function () { done(false); });
    else done(false);
  }
  function refused() { return !!s && s.getItem(ASKED) === "nee"; }
  function load(src) {
    loading[src] = loading[src] || new Promise(function (ok, fail) {
      var el = document.createElement("script");
      el.src = here + src; el.onload = ok;
      el.onerror = function () { loading[src] = null; fail(new Error(src)); };
      document.head.appendChild(el);
    });
    return loading[src];
  }
  function pdfFiller() {
    return load("vendor/pdf-lib.min.js").then(function () { return load("werkblad-pdf.js"); });
  }
  window.werkboekAntwoorden = { store: s, read: read, write: write, ids: ids, load: load, pdfFiller: pdfFiller,
    refused: refused, keepAsked: keepAsked, prefix: P, old: OLD, asked: ASKED };

  function fields(f) { return [].filter.call(f.elements, function (el) { return el.name && el.type !== "button"; }); }
  function say(f, text) {  // emptied first, so screen readers announce a repeated message too
    var st = f.querySelector(".werkblad__status");
    st.textContent = "";
    clearTimeout(st.pending);  // a message still to come gives way to this one
    st.pending = setTimeout(function () { st.textContent = text; }, 30);
  }
  function answers(f) {
    var a = {};
    fields(f).forEach(function (el) {
      var box = el.type === "checkbox" || el.type === "radio";
      if (box ? el.checked : el.value) a[el.name] = el.type === "checkbox" ? true : el.value;
    });
    return a;
  }
  function fits(f, name, v) {  // whether an answer has a place in the form as it is now
    var els = fields(f).filter(function (el) { return el.name === name; });
    if (!els.length) return false;
    if (els[0].type === "checkbox") return v === true;
    if (els[0].type === "radio") return els.some(function (el) { return el.value === v; });
    return typeof v === "string";
  }
  function text(el) {  // an element's text, without what this script added to it
    if (!el) return "";
    el = el.cloneNode(true);
    el.querySelectorAll(".schaal__verschil").forEach(function (x) { x.remove(); });
    return el.textContent.replace(/\s+/g, " ").trim();
  }
  function label(el) {  // what the field asks, to show with its answer once the field is gone
    var about = text(document.getElementById(el.getAttribute("aria-describedby"))),
      own = el.type === "radio" ? (el.getAttribute("aria-label") || "").replace(/^[^,]*,?\s*/, "")
        : text(el.labels && el.labels[0]) || el.title || el.getAttribute("aria-label") || "";
    return [about, own].filter(Boolean).join(" — ");
  }
  function stale(f, r) {
    return r ? Object.keys(r.antwoorden).filter(function (n) { return !fits(f, n, r.antwoorden[n]); }) : [];
  }
  function showStale(f, r) {
    var box = f.querySelector(".werkblad__eerder"), names = stale(f, r);
    if (!box) return;
    box.hidden = !names.length;
    if (!names.length) return;
    box.querySelector("[data-aantal]").textContent =
      names.length === 1 ? "1 antwoord hoort" : names.length + " antwoorden horen";
    var dl = box.querySelector("dl");
    dl.textContent = "";
    names.forEach(function (n) {
      var dt = document.createElement("dt"), dd = document.createElement("dd"), v = r.antwoorden[n];
      dt.textContent = (r.labels && r.labels[n]) || n.split("__").slice(1).join(" ");
      dd.textContent = v === true ? "aangevinkt" : String(v);
      dl.appendChild(dt); dl.appendChild(dd);
    });
  }
  function shown(f, which) {
    f.querySelectorAll("[data-let-op]").forEach(function (el) { el.hidden = el.dataset.letOp !== which; });
  }
  function moved(f) {  // a scale with two rounds: per statement, how the answer moved between them
    f.querySelectorAll(".blok--schaal").forEach(function (b) {
      var sum = b.querySelector(".schaal__verschillen"), both = 0, changed = 0;
      if (!sum) return;
      b.querySelectorAll("tbody tr").forEach(function (tr) {
        var cells = tr.querySelectorAll("td.schaal__keuzes"), out = tr.querySelector(".schaal__verschil");
        var pick = function (td) { var c = td && td.querySelector("input:checked"); return c ? c.value : null; };
        var a = pick(cells[0]), z = pick(cells[cells.length - 1]);
        if (out) out.hidden = !(a && z);
        if (!(a && z)) return;
        if (!out) {  // made when first needed: a sheet's markup stays light for a phone
          out = document.createElement("span");
          out.className = "schaal__verschil";
          tr.querySelector("th").appendChild(out);
        }
        both++;
        if (a !== z) changed++;
        out.textContent = a === z ? "gelijk gebleven (" + a + ")" : "veranderd: " + a + "\u00a0→\u00a0" + z;
      });
      sum.hidden = !both;
      sum.textContent = both ? "Uw antwoord veranderde bij " + changed + " van de " + both +
        " stellingen die u beide keren invulde." : "";
    });
  }
  function save(f) {
    var id = f.dataset.instrument, was = read(id), a = answers(f), labels = {}, r;
    r = { antwoorden: {}, labels: {}, gewijzigd: new Date().toISOString(), titel: text(f.querySelector(".werkblad__kop")) };
    stale(f, was).forEach(function (n) { r.antwoorden[n] = was.antwoorden[n]; labels[n] = (was.labels || {})[n]; });
    fields(f).forEach(function (el) { if (a[el.name] !== undefined && !labels[el.name]) labels[el.name] = label(el); });
    Object.keys(a).forEach(function (n) { r.antwoorden[n] = a[n]; });
    Object.keys(labels).forEach(function (n) { if (labels[n]) r.labels[n] = labels[n]; });
    try {
      write(id, r);
      if (f.dataset.vol) { delete f.dataset.vol; say(f, "Uw antwoorden worden weer bewaard."); }
      if (Object.keys(a).length) keepAsked(function (ok) { if (!ok) shown(f, "wissen"); });
    } catch (e) {
      if (!f.dataset.vol) {
        f.dataset.vol = "1";
        say(f, "Uw laatste antwoorden konden niet bewaard worden: de opslag van deze browser is vol of geblokkeerd. " +
          "Bewaar ze met Download ingevuld (PDF), of wis antwoorden die u niet meer nodig hebt op Mijn antwoorden.");
      }
    }
    moved(f);
  }
  function restore(f) {
    var r = read(f.dataset.instrument), back = 0;
    if (!r) return;
    fields(f).forEach(function (el) {
      var v = r.antwoorden[el.name];
      if (v === undefined || !fits(f, el.name, v)) return;
      if (el.type === "checkbox") el.checked = v === true;
      else if (el.type === "radio") el.checked = v === el.value;
      else el.value = v;
      back++;
    });
    showStale(f, r);
    if (refused()) shown(f, "wissen");
    if (back) say(f, "Uw eerder ingevulde antwoorden staan er weer.");
  }
  function download(f, b) {
    if (b.getAttribute("aria-busy")) return;
    b.setAttribute("aria-busy", "true");
    say(f, "De PDF met uw antwoorden wordt gemaakt…");
    pdfFiller().then(function () {
      return window.werkbladInvullen(f.dataset.instrument, answers(f), f.querySelector("a[download]").href);
    }).then(function (name) {
      say(f, "De PDF met uw antwoorden is gedownload (" + name + ").");
    }, function () {
      say(f, "Het maken van de PDF is niet gelukt. Download het lege werkblad en vul het in met een PDF-lezer.");
    }).then(function () { b.removeAttribute("aria-busy"); });
  }
  function clear(f) {
    if (!window.confirm("Alle antwoorden op dit werkblad wissen, ook de antwoorden bij een eerdere versie?")) return;
    f.reset();
    if (s) s.removeItem(P + f.dataset.instrument);
    showStale(f, null);
    moved(f);
    say(f, "Uw antwoorden op dit werkblad zijn gewist.");
  }
  function dropStale(f) {
    if (!window.confirm("De antwoorden bij een eerdere versie van dit werkblad weggooien?")) return;
    var r = read(f.dataset.instrument);
    stale(f, r).forEach(function (n) { delete r.antwoorden[n]; delete r.labels[n]; });
    try { write(f.dataset.instrument, r); } catch (e) { say(f, "Weggooien is niet gelukt."); return; }
    showStale(f, null);
    say(f, "De antwoorden bij een eerdere versie zijn weggegooid.");
  }
  function grow(on) {  // on paper a text area shows everything typed in it
    document.querySelectorAll(".werkblad textarea").forEach(function (el) {
      el.style.height = on && el.scrollHeight > el.clientHeight ? el.scrollHeight + 2 + "px" : "";
    });
  }
  addEventListener("beforeprint", function () { grow(true); });
  addEventListener("afterprint", function () { grow(false); });
  if (s) migrate();
  document.querySelectorAll("form.werkblad[data-versie]").forEach(function (f) {
    if (!fields(f).length) return;  // nothing to fill in on this sheet
    f.querySelectorAll("button[hidden], .werkblad__bewaren").forEach(function (el) { el.hidden = false; });
    f.querySelector('[data-actie="download"]').onclick = function () { download(f, this); };
    f.addEventListener("change", function () { moved(f); });
    if (!s) { shown(f, "geblokkeerd"); f.querySelector('[data-actie="wis"]').hidden = true; moved(f); return; }
    restore(f);
    moved(f);
    f.addEventListener("input", function () { save(f); });
    f.addEventListener("change", function () { save(f); });
    f.querySelector('[data-actie="wis"]').onclick = function () { clear(f); };
    f.querySelector('[data-actie="eerder-weg"]').onclick = function () { dropStale(f); };
  });
  if (document.querySelector("[data-mijn-antwoorden]")) load("mijn-antwoorden.js");
})();
