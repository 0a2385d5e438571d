/* Fill a worksheet's blank PDF (werkbladen/<id>.pdf) with the answers typed on the web page, in the browser, and
   download it. Loaded by werkblad.js after vendor/pdf-lib.min.js, only when "Download ingevuld (PDF)" is pressed.
   The PDF's field names are the HTML inputs' names (<instrument>__<item>). Title, language, tags and metadata of
   the blank PDF are kept (updateMetadata: false); check boxes and radio buttons keep the PDF's own appearances;
   text fields get appearances drawn with Helvetica, so every viewer (also poppler) shows the answers. */
(function () {
  "use strict";
  var L = window.PDFLib;
  // Helvetica draws WinAnsi only: other letters are drawn as a look-alike; the field's value keeps what was typed.
  var LOOKALIKE = { "ĳ": "ij", "Ĳ": "IJ", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "→": "->",
    "←": "<-", "≤": "<=", "≥": ">=", "\u2212": "-", "\t": " " };

  function drawable(text, chars) {
    return Array.from(text.replace(/\r\n?/g, "\n")).map(function (c) {
      if (c === "\n" || chars.has(c.codePointAt(0))) return c;
      if (LOOKALIKE[c]) return LOOKALIKE[c];
      var plain = c.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
      var ok = plain && Array.from(plain).every(function (p) { return chars.has(p.codePointAt(0)); });
      return ok ? plain : "?";
    }).join("");
  }

  function blankPdf(id, url) {
    if (location.protocol !== "file:") {
      return fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + ": " + r.status);
        return r.arrayBuffer();
      });
    }
    // From file:// a page may not fetch(); the same PDF is also there as a script (werkboek/werkblad/filling.py).
    return new Promise(function (resolve, reject) {
      var el = document.createElement("script");
      el.src = url + ".js";
      el.onload = function () {
        var b64 = (window.werkbladPdf || {})[id];
        if (!b64) { reject(new Error(url)); return; }
        var bin = atob(b64), bytes = new Uint8Array(bin.length);
        for (var n = 0; n < bin.length; n++) bytes[n] = bin.charCodeAt(n);
        resolve(bytes);
      };
      el.onerror = function () { reject(new Error(url)); };
      document.head.appendChild(el);
    });
  }

  async function filledDoc(id, answers, url) {
    var doc = await L.PDFDocument.load(await blankPdf(id, url), { updateMetadata: false });
    var font = await doc.embedFont(L.StandardFonts.Helvetica);
    var chars = new Set(font.getCharacterSet());
    var form = doc.getForm(), typed = [], filled = [];
    form.getFields().forEach(function (f) {
      var v = answers[f.getName()];
      if (v === undefined) return;
      if (f instanceof L.PDFTextField) {
        // WeasyPrint writes a widget's /Rect top corner first; pdf-lib draws text outside such a box.
        f.acroField.getWidgets().forEach(function (w) {
          var r = w.getRectangle();
          w.setRectangle({ x: Math.min(r.x, r.x + r.width), y: Math.min(r.y, r.y + r.height),
            width: Math.abs(r.width), height: Math.abs(r.height) });
        });
        var text = String(v), shown = drawable(text, chars);
        f.setText(shown);
        filled.push(f);
        if (shown !== text) typed.push([f, text]);
      } else if (f instanceof L.PDFCheckBox) {
        f.acroField.setValue(f.acroField.getOnValue());
      } else if (f instanceof L.PDFRadioGroup) {
        var i = f.getOptions().indexOf(String(v));
        if (i >= 0) f.acroField.setValue(f.acroField.getOnValues()[i]);
      }
    });
    // Only the text fields typed in get new appearances; the others keep the blank PDF's own.
    filled.forEach(function (f) { f.updateAppearances(font); });
    typed.forEach(function (t) { t[0].acroField.setValue(L.PDFHexString.fromText(t[1])); });
    return doc;
  }

  async function fill(id, answers, url) {
    return (await filledDoc(id, answers, url)).save({ updateFieldAppearances: false });
  }

  function offer(bytes, name) {  // the browser's download of a made PDF
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([bytes], { type: "application/pdf" }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
    return name;
  }

  window.werkbladInvullen = function (id, answers, url) {
    return fill(id, answers, url).then(function (bytes) { return offer(bytes, id + "-ingevuld.pdf"); });
  };
  // For "Mijn antwoorden" (mijn-antwoorden.js): the filled document (pdf-lib), and the download.
  window.werkbladVullen = filledDoc;
  window.werkbladAanbieden = offer;
})();
