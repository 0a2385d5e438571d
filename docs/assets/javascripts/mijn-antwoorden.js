/* The page "Mijn antwoorden" (docs/mijn-antwoorden.md; its list: overrides/partials/mijn-antwoorden.html). Loaded by
   werkblad.js on that page only, and works on what werkblad.js keeps (window.werkboekAntwoorden). pdf-lib and
   werkblad-pdf.js load only when a file is made or read.
   - The list: every worksheet with answers on this device, when they last changed, and a button to clear them.
   - "Alles bewaren": one PDF. Its pages are the filled worksheets, flattened (pdf-lib's copyPages does not carry
     form fields), to read or show; every answer as typed, with the fields' labels, is attached as antwoorden.json.
   - "Terugzetten": that file, or a filled worksheet PDF (this site's, or one whose fields another program filled,
     plain values without appearances), read back by field name. A file that is not this werkboek's, or damaged,
     changes nothing; answers on the device that differ are replaced only after the person says so.
   - "Wis alles van dit apparaat". */
(function () {
  "use strict";
  var A = window.werkboekAntwoorden, s = A.store, MARK = "werkboek-antwoorden", ATTACHMENT = "antwoorden.json";
  var box = document.querySelector("[data-mijn-antwoorden]"), table = box.querySelector("table"),
    none = box.querySelector("[data-geen]"), status = box.querySelector("[data-status]"), rows = {};
  box.querySelectorAll("tr[data-instrument]").forEach(function (tr) { rows[tr.dataset.instrument] = tr; });
  var NOT_PDF = "Dit bestand is geen PDF. Kies het bestand dat u met Alles bewaren hebt gemaakt, of een ingevuld " +
      "werkblad (PDF). Er is niets veranderd.",
    DAMAGED = "Dit bestand is beschadigd of niet helemaal gedownload en kan niet gelezen worden. Er is niets veranderd.",
    FOREIGN = "In dit bestand staan geen antwoorden op werkbladen van dit werkboek. Kies het bestand dat u met Alles " +
      "bewaren hebt gemaakt, of een ingevuld werkblad van dit werkboek. Er is niets veranderd.";

  var pending;
  function say(text, items) {  // emptied first, so screen readers announce a repeated message too
    status.textContent = "";
    clearTimeout(pending);  // a message still to come gives way to this one
    pending = setTimeout(function () {
      var p = document.createElement("p");
      p.textContent = text;
      status.appendChild(p);
      if (items && items.length) {
        var ul = document.createElement("ul");
        items.forEach(function (t) { var li = document.createElement("li"); li.textContent = t; ul.appendChild(li); });
        status.appendChild(ul);
      }
    }, 30);
  }
  function name(id) {
    var tr = rows[id], r;
    if (tr) return tr.cells[0].textContent + " " + tr.cells[1].textContent.trim();
    r = A.read(id);
    return (r && r.titel ? r.titel.replace(/^Werkblad\s+/, "") : id);
  }
  function when(iso) {
    if (!iso) return "onbekend";
    return new Date(iso).toLocaleString("nl-NL", { day: "numeric", month: "long", year: "numeric",
      hour: "2-digit", minute: "2-digit" });
  }
  function list() {
    var have = A.ids();
    table.querySelectorAll("tr[data-los]").forEach(function (tr) { tr.remove(); });
    Object.keys(rows).forEach(function (id) { rows[id].hidden = have.indexOf(id) < 0; });
    have.forEach(function (id) {
      var tr = rows[id], r = A.read(id);
      if (!tr) {  // answers to a worksheet this site no longer has: named as the answers name it
        tr = table.querySelector("tbody tr").cloneNode(true);
        tr.dataset.instrument = id;
        tr.dataset.los = "";
        tr.hidden = false;
        tr.cells[0].textContent = "–";
        tr.cells[1].textContent = name(id);
        tr.querySelector(".sr-only").textContent = " " + name(id);
        table.tBodies[0].appendChild(tr);
      }
      tr.querySelector("[data-gewijzigd]").textContent = when(r && r.gewijzigd);
    });
    none.hidden = have.length > 0;
    table.hidden = !have.length;
  }
  function removeAll() {
    var keys = [];
    for (var n = 0; n < s.length; n++) if (s.key(n).indexOf("werkboek:") === 0) keys.push(s.key(n));
    keys.forEach(function (k) { s.removeItem(k); });
  }

  // Alles bewaren
  function flatten(L, doc) {  // every widget's appearance drawn onto its page, then the form taken out
    var form = doc.getForm(), W = L.PDFName.of("Widget"), ANNOTS = L.PDFName.of("Annots");
    form.getFields().forEach(function (field) {
      field.acroField.getWidgets().forEach(function (w) {
        var ref, page, r, key;
        try { ref = form.findWidgetAppearanceRef(field, w); } catch (e) { return; }  // never drawn (an empty field)
        page = form.findWidgetPage(w);
        r = w.getRectangle();
        key = page.node.newXObject("FlatWidget", ref);
        page.pushOperators(L.pushGraphicsState(), L.translate(Math.min(r.x, r.x + r.width),
          Math.min(r.y, r.y + r.height)), L.drawObject(key), L.popGraphicsState());
      });
    });
    doc.getPages().forEach(function (page) {
      var annots = page.node.lookupMaybe(ANNOTS, L.PDFArray), keep;
      if (!annots) return;
      keep = annots.asArray().filter(function (a) {
        var d = doc.context.lookup(a);
        return !(d instanceof L.PDFDict && d.get(L.PDFName.of("Subtype")) === W);
      });
      page.node.set(ANNOTS, doc.context.obj(keep));
    });
    doc.catalog.delete(L.PDFName.of("AcroForm"));
  }
  function inOrder(ids) {  // as the list has them (by number); worksheets the site no longer has at the end
    var order = Object.keys(rows), at = function (id) { var n = order.indexOf(id); return n < 0 ? order.length : n; };
    return ids.slice().sort(function (a, b) { return at(a) - at(b); });
  }
  async function keepAll() {
    var have = inOrder(A.ids()), L, out, data, now = new Date();
    if (!have.length) { say("Er staan op dit apparaat nog geen antwoorden om te bewaren."); return; }
    say("Het bestand met al uw antwoorden wordt gemaakt…");
    await A.pdfFiller();
    L = window.PDFLib;
    out = await L.PDFDocument.create();
    data = { soort: MARK, versie: 1, bewaard: now.toISOString(), werkbladen: {} };
    for (var n = 0; n < have.length; n++) {
      var id = have[n], r = A.read(id);
      data.werkbladen[id] = r;
      if (!rows[id]) continue;
      var doc = await window.werkbladVullen(id, r.antwoorden, rows[id].dataset.pdf);
      flatten(L, doc);
      (await out.copyPages(doc, doc.getPageIndices())).forEach(function (p) { out.addPage(p); });
    }
    if (!out.getPageCount()) {
      out.addPage(L.PageSizes.A4).drawText("Mijn antwoorden: zie de bijlage antwoorden.json.", { x: 50, y: 780, size: 12 });
    }
    await out.attach(new TextEncoder().encode(JSON.stringify(data)), ATTACHMENT, {
      mimeType: "application/json", description: "Alle antwoorden, om terug te zetten op de pagina Mijn antwoorden",
      creationDate: now, modificationDate: now });
    out.setTitle(document.title, { showInWindowTitleBar: true });
    out.setLanguage("nl-NL");
    out.setSubject("Mijn antwoorden, bewaard op " + when(data.bewaard));
    var file = window.werkbladAanbieden(await out.save(), "mijn-antwoorden-" + data.bewaard.slice(0, 10) + ".pdf");
    say("Het bestand met al uw antwoorden is gedownload (" + file + "). Bewaar het goed.");
  }

  // Terugzetten
  function latin1(bytes) { var t = ""; for (var n = 0; n < bytes.length; n++) t += String.fromCharCode(bytes[n]); return t; }
  function Fout(message) { this.message = message; }
  function attached(L, doc) {  // the answers file that "Alles bewaren" attached, or null
    var names = doc.catalog.lookupMaybe(L.PDFName.of("Names"), L.PDFDict);
    var files = names && names.lookupMaybe(L.PDFName.of("EmbeddedFiles"), L.PDFDict);
    var list = files && files.lookupMaybe(L.PDFName.of("Names"), L.PDFArray);
    for (var n = 0; list && n + 1 < list.size(); n += 2) {
      if (list.lookup(n).decodeText() !== ATTACHMENT) continue;
      var spec = list.lookup(n + 1, L.PDFDict), ef = spec.lookup(L.PDFName.of("EF"), L.PDFDict);
      var stream = ef.lookup(L.PDFName.of("F"), L.PDFStream), data;
      try {
        data = JSON.parse(new TextDecoder().decode(L.decodePDFRawStream(stream).decode()));
      } catch (e) { throw new Fout(DAMAGED); }
      if (!data || data.soort !== MARK || typeof data.werkbladen !== "object") throw new Fout(FOREIGN);
      return data.werkbladen;
    }
    return null;
  }
  function fieldValue(L, f) {
    if (f instanceof L.PDFTextField) {
      var t = f.getText();
      return t ? t.replace(/\r\n?/g, "\n") : undefined;
    }
    if (f instanceof L.PDFCheckBox) return f.isChecked() ? true : undefined;
    if (f instanceof L.PDFRadioGroup) return f.getSelected();
    return undefined;
  }
  function fieldLabel(L, f) {
    var tu = f.acroField.dict.lookup(L.PDFName.of("TU"));
    return tu && tu.decodeText ? tu.decodeText() : undefined;
  }
  async function readFile(file) {
    var bytes = new Uint8Array(await file.arrayBuffer()), L, doc, found;
    if (latin1(bytes.subarray(0, 1024)).indexOf("%PDF-") < 0) throw new Fout(NOT_PDF);
    if (latin1(bytes.subarray(Math.max(0, bytes.length - 2048))).indexOf("%%EOF") < 0) throw new Fout(DAMAGED);
    await A.pdfFiller();
    L = window.PDFLib;
    try { doc = await L.PDFDocument.load(bytes, { updateMetadata: false }); } catch (e) { throw new Fout(DAMAGED); }
    found = attached(L, doc);
    if (found) return found;
    found = {};
    var fields;
    try { fields = doc.getForm().getFields(); } catch (e) { throw new Fout(DAMAGED); }
    fields.forEach(function (f) {
      var n = f.getName(), id = n.split("__")[0], v;
      if (n.indexOf("__") < 0 || !rows[id]) return;
      try { v = fieldValue(L, f); } catch (e) { v = undefined; }
      if (v === undefined || v === "") return;
      var r = found[id] = found[id] || { antwoorden: {}, labels: {} }, label = fieldLabel(L, f);
      r.antwoorden[n] = v;
      if (label) r.labels[n] = label;
    });
    if (!Object.keys(found).length) throw new Fout(FOREIGN);
    return found;
  }
  function fits(id, n, v) {
    var kind = rows[id] && JSON.parse(rows[id].dataset.velden)[n.slice(id.length + 2)];  // names without "<id>__"
    if (kind === "tekst") return typeof v === "string";
    if (kind === "vink") return v === true;
    return Array.isArray(kind) && kind.indexOf(v) >= 0;
  }
  function put(found) {
    var sheets = inOrder(Object.keys(found)).filter(function (id) {
      var r = found[id];
      return r && typeof r.antwoorden === "object" && Object.keys(r.antwoorden).length;
    });
    if (!sheets.length) throw new Fout(FOREIGN);
    var differ = sheets.filter(function (id) {
      var now = A.read(id), a = found[id].antwoorden;
      return now && Object.keys(a).some(function (n) {
        return n in now.antwoorden && now.antwoorden[n] !== a[n];
      });
    });
    if (differ.length && !window.confirm("Op dit apparaat staan al andere antwoorden bij " +
        differ.map(function (id) { return "werkblad " + name(id); }).join(", ") +
        ". Wilt u die vervangen door de antwoorden uit het bestand?")) {
      say("Er is niets veranderd: de antwoorden op dit apparaat zijn gebleven zoals ze waren.");
      return;
    }
    var before = {}, report = [];
    sheets.forEach(function (id) { before[id] = s.getItem(A.prefix + id); });
    try {
      sheets.forEach(function (id) {
        var now = A.read(id) || { antwoorden: {}, labels: {} }, f = found[id], r = {
          antwoorden: Object.assign({}, now.antwoorden), labels: Object.assign({}, now.labels),
          gewijzigd: f.gewijzigd || new Date().toISOString(), titel: f.titel || now.titel };
        Object.keys(f.antwoorden).forEach(function (n) {
          var v = f.antwoorden[n];
          if (v !== true && typeof v !== "string") return;
          r.antwoorden[n] = v;
          if (f.labels && f.labels[n]) r.labels[n] = f.labels[n];
        });
        A.write(id, r);
        var all = Object.keys(f.antwoorden), fit = all.filter(function (n) { return fits(id, n, f.antwoorden[n]); });
        var line = "Werkblad " + name(id) + ": " + (rows[id] ? fit.length + " van de " + all.length +
          " antwoorden teruggezet." : all.length + " antwoorden bewaard; dit werkblad staat niet meer in het werkboek.");
        if (rows[id] && fit.length < all.length) {
          line += " " + (all.length - fit.length) + " " + (all.length - fit.length === 1 ? "past" : "passen") +
            " niet in het werkblad zoals het nu is; u vindt ze bij het werkblad, als antwoorden bij een eerdere versie.";
        }
        report.push(line);
      });
    } catch (e) {
      sheets.forEach(function (id) {
        try { if (before[id] === null) s.removeItem(A.prefix + id); else s.setItem(A.prefix + id, before[id]); }
        catch (x) { /* as far as the browser lets us */ }
      });
      say("Terugzetten is niet gelukt: de opslag van deze browser is vol of geblokkeerd. Er is niets veranderd.");
      return;
    }
    list();
    A.keepAsked(function () {});
    say("De antwoorden uit het bestand staan weer op dit apparaat:", report);
  }
  async function restoreFrom(input) {
    var file = input.files && input.files[0];
    if (!file) return;
    say("Het bestand wordt gelezen…");
    try {
      put(await readFile(file));
    } catch (e) {
      say(e instanceof Fout ? e.message : DAMAGED);
    } finally {
      input.value = "";
    }
  }

  if (!s) {
    none.textContent = "Deze browser bewaart geen antwoorden (bijvoorbeeld in een privévenster). Op dit apparaat " +
      "staan dus geen antwoorden, en terugzetten kan hier niet.";
    box.setAttribute("data-klaar", "");
    return;
  }
  list();
  document.querySelectorAll('[data-actie="bewaren"], [data-actie="wis-alles"]').forEach(function (b) { b.hidden = false; });
  document.querySelectorAll(".mijn-antwoorden__kiezen").forEach(function (p) { p.hidden = false; });
  table.addEventListener("click", function (e) {
    var b = e.target.closest('[data-actie="wis-werkblad"]'), id = b && b.closest("tr").dataset.instrument;
    if (!b || !window.confirm("Alle antwoorden op werkblad " + name(id) + " wissen? Dat kan niet ongedaan worden.")) return;
    var what = name(id);
    s.removeItem(A.prefix + id);
    list();
    say("De antwoorden op werkblad " + what + " zijn van dit apparaat gewist.");
    status.focus();
  });
  document.querySelector('[data-actie="wis-alles"]').addEventListener("click", function () {
    if (!window.confirm("Alle antwoorden op alle werkbladen van dit apparaat wissen? Dat kan niet ongedaan worden.")) return;
    removeAll();
    list();
    say("Alle antwoorden zijn van dit apparaat gewist.");
  });
  document.querySelector('[data-actie="bewaren"]').addEventListener("click", function () {
    var b = this;
    if (b.getAttribute("aria-busy")) return;
    b.setAttribute("aria-busy", "true");
    keepAll().catch(function (e) {
      if (window.console) console.error(e);
      say("Het maken van het bestand is niet gelukt. Download de werkbladen dan een voor een ingevuld.");
    }).then(function () { b.removeAttribute("aria-busy"); });
  });
  document.querySelector('[data-actie="terugzetten"]').addEventListener("change", function () { restoreFrom(this); });
  box.setAttribute("data-klaar", "");  // the page works: said on the page (tests wait for it, as for the page's scripts)
})();
