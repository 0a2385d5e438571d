/* The trainer's planning, in this browser only (localStorage; nothing is sent): on "Training geven" the dates of the
   bijeenkomsten (suggested from the werkboek's advice, each changeable), a start time and a place; on every page with
   an agenda (Training geven, Bijlage 1) each row's clock time. Also the calendar file (.ics, RFC 5545) and what
   prints. Every text comes from the page (the data island and template of partials/planning.html); this script
   holds none. Loaded only on pages that show an agenda (overrides/main.html). */
(function () {
  "use strict";
  var KEY = "werkboek:planning", DAY = 864e5, s = null, plan, G, T, form;
  try { s = window.localStorage; s.length; } catch (e) { s = null; }

  function read() {
    var p = null;
    try { p = s && JSON.parse(s.getItem(KEY)); } catch (e) { p = null; }
    p = p && typeof p === "object" ? p : {};
    p.datums = p.datums && typeof p.datums === "object" ? p.datums : {};
    p.gekozen = p.gekozen && typeof p.gekozen === "object" ? p.gekozen : {};
    return p;
  }
  function fill(text, vars) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return k in vars ? vars[k] : m; });
  }
  // Dates are whole days since 1970-01-01 (UTC), so no time zone or DST ever shifts them.
  function day(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m && +m[1] >= 1900 ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY : null;
  }
  function iso(d) { return new Date(d * DAY).toISOString().slice(0, 10); }
  function minutes(hhmm) {
    var m = /^(\d{2}):(\d{2})/.exec(hhmm || "");
    return m ? +m[1] * 60 + +m[2] : null;
  }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function hhmm(min) { min = ((min % 1440) + 1440) % 1440; return pad(Math.floor(min / 60)) + ":" + pad(min % 60); }
  function lang() { return document.documentElement.lang || "nl"; }
  function longDate(d) {
    return new Intl.DateTimeFormat(lang(), {weekday: "long", day: "numeric", month: "long", year: "numeric",
                                            timeZone: "UTC"}).format(new Date(d * DAY));
  }
  function sessions() { return G ? G.training.bijeenkomsten : []; }
  function duration(n) {
    var b = sessions().filter(function (x) { return x.nummer === n; })[0];
    return b ? b.duur : 0;
  }

  /* --- the advice: between n-1 and n, how many days, and is that what the werkboek advises? --- */
  function span(days) {
    var w = Math.floor(days / 7), d = days % 7, parts = [];
    if (w) parts.push(w === 1 ? T.week : fill(T.weken, {n: w}));
    if (d || !w) parts.push(d === 1 ? T.dag : fill(T.dagen, {n: d}));
    return parts.length > 1 ? fill(T.en, {a: parts[0], b: parts[1]}) : parts[0];
  }
  function advice(n) {
    var a = G.training.advies, from = day(plan.datums[n - 1]), to = day(plan.datums[n]);
    if (from === null || to === null) return "";
    var days = to - from, vars = {van: n - 1, tot: n, nu: span(Math.max(days, 0))};
    if (days <= 0) return fill(T.advies_volgorde, vars);
    if (n - 1 === a.paar.van && n === a.paar.tot) {
      return days < a.paar.min ? fill(T.advies_minimaal, Object.assign(vars, {min: a.paar.min_weken})) : "";
    }
    if (days < a.min || days > a.max) return fill(T.advies_interval, Object.assign(vars, {min: a.min_weken, max: a.max_weken}));
    return "";
  }
  // Dates not chosen by hand follow the one before them, by the step the advice suggests.
  function suggest() {
    sessions().forEach(function (b, i) {
      var n = b.nummer, before = day(plan.datums[n - 1]);
      if (n === 1 || plan.gekozen[n]) return;
      if (before === null) delete plan.datums[n];
      else plan.datums[n] = iso(before + G.training.stappen[i - 1]);
    });
  }

  /* --- storage: the plan is kept until the trainer clears it --- */
  function say(text) {
    var st = form && form.querySelector("[data-status]");
    if (!st) return;
    st.textContent = "";
    setTimeout(function () { st.textContent = text; }, 30);
  }
  function empty() { return !plan.tijd && !plan.plaats && !Object.keys(plan.datums).length; }
  function save() {
    plan.versie = (plan.versie || 0) + 1;
    if (!plan.id) plan.id = newId();
    try {
      if (!s) throw new TypeError();
      if (empty()) s.removeItem(KEY); else s.setItem(KEY, JSON.stringify(plan));
      if (!save.asked && navigator.storage && navigator.storage.persist) { save.asked = true; navigator.storage.persist(); }
    } catch (e) { say(T.niet_bewaard); }
  }
  function newId() {
    var a = new Uint8Array(8);
    (window.crypto || window.msCrypto).getRandomValues(a);
    return Array.prototype.map.call(a, function (x) { return (x + 256).toString(16).slice(1); }).join("");
  }

  /* --- what the page shows --- */
  function when(n) {
    var d = day(plan.datums[n]), start = minutes(plan.tijd);
    if (d === null) return "";
    if (start === null) return longDate(d);
    return fill(T.wanneer, {datum: longDate(d), tijden: fill(T.tijden, {van: hhmm(start), tot: hhmm(start + duration(n))})});
  }
  function clockFormat() {  // "{van}–{tot}": from the data island, or on Bijlage 1 from its agendas
    var el = document.querySelector("[data-tijden]");
    return T ? T.tijden : el && el.dataset.tijden;
  }
  function show(root) {
    var start = minutes(plan.tijd), format = clockFormat();
    root.querySelectorAll(".agenda__klok").forEach(function (el) {
      el.textContent = start === null || !format ? "" : fill(format,
        {van: hhmm(start + +el.dataset.van), tot: hhmm(start + +el.dataset.tot)});
    });
    if (!G) return;
    root.querySelectorAll("[data-wanneer]").forEach(function (el) { el.textContent = when(+el.dataset.wanneer); });
    root.querySelectorAll("[data-advies]").forEach(function (el) {
      var n = +el.dataset.advies;
      el.textContent = n > 1 ? advice(n) : "";
    });
    root.querySelectorAll("[data-plaats]").forEach(function (el) { el.textContent = plan.plaats || ""; });
  }
  function toForm() {
    sessions().forEach(function (b) { form.elements["datum-" + b.nummer].value = plan.datums[b.nummer] || ""; });
    form.elements.tijd.value = plan.tijd || "";
    form.elements.plaats.value = plan.plaats || "";
  }
  function ready() { return day(plan.datums[1]) !== null && minutes(plan.tijd) !== null; }

  /* --- the calendar file (RFC 5545): local times in Europe/Amsterdam with its VTIMEZONE --- */
  var TZ = ["BEGIN:VTIMEZONE", "TZID:Europe/Amsterdam",
    "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19810329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
    "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19961027T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE"];
  function local(d, min) {  // a day and minutes from its midnight (may pass it) → 20270112T190000
    var t = new Date((d + Math.floor(min / 1440)) * DAY).toISOString().slice(0, 10).replace(/-/g, "");
    return t + "T" + hhmm(min).replace(":", "") + "00";
  }
  function escape(text) {
    return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }
  function octets(ch) {
    var c = ch.codePointAt(0);
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  function fold(line) {  // lines of at most 75 octets, never inside a character; continuation lines start with a space
    var out = [], cur = "", size = 0;
    Array.from(line).forEach(function (ch) {
      var n = octets(ch);
      if (size + n > 75) { out.push(cur); cur = " "; size = 1; }
      cur += ch; size += n;
    });
    out.push(cur);
    return out.join("\r\n");
  }
  function description(b) {
    var parts = [fill(T.ics_thema, {thema: b.thema})], sep = T.lijst_scheiding;
    if (b.uitdelen.length) parts.push(fill(T.ics_uitdelen, {lijst: b.uitdelen.join(sep)}));
    if (b.meenemen.length) parts.push(fill(T.ics_meenemen, {lijst: b.meenemen.join(sep)}));
    if (b.huiswerk) parts.push([fill(T.ics_huiswerk, {n: b.huiswerk.voor})].concat(b.huiswerk.items.map(function (x) {
      return "- " + x;
    })).join("\n"));
    return parts.join("\n\n");
  }
  function calendar(now) {
    var start = minutes(plan.tijd), stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//werkboek//planning//NL", "CALSCALE:GREGORIAN",
                 "METHOD:PUBLISH"].concat(TZ);
    sessions().forEach(function (b) {
      var d = day(plan.datums[b.nummer]);
      if (d === null) return;
      lines.push("BEGIN:VEVENT", "UID:" + plan.id + "-" + b.nummer + "@planning.werkboek", "DTSTAMP:" + stamp,
                 "SEQUENCE:" + (plan.versie || 0),
                 "DTSTART;TZID=Europe/Amsterdam:" + local(d, start),
                 "DTEND;TZID=Europe/Amsterdam:" + local(d, start + b.duur),
                 "SUMMARY:" + escape(fill(T.ics_titel, {n: b.nummer})),
                 "DESCRIPTION:" + escape(description(b)));
      if (plan.plaats) lines.push("LOCATION:" + escape(plan.plaats));
      lines.push("END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }
  function download() {
    if (!ready()) { say(T.eerst); return; }
    var url = URL.createObjectURL(new Blob([calendar(new Date())], {type: "text/calendar;charset=utf-8"}));
    var a = document.createElement("a");
    a.href = url; a.download = T.ics_naam; a.hidden = true;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    say(fill(T.ics_klaar, {naam: T.ics_naam}));
  }

  /* --- printing: a copy of the page's template, filled in, is all that prints --- */
  function unprint() {
    document.querySelectorAll(".planning-afdruk").forEach(function (el) { el.remove(); });
    document.documentElement.removeAttribute("data-afdruk");
  }
  function printOut(kind) {
    if (!ready()) { say(T.eerst); return; }
    unprint();
    var box = document.createElement("div");
    box.className = "planning-afdruk";
    box.appendChild(document.getElementById("planning-afdruk").content.cloneNode(true));
    box.querySelectorAll("[data-afdruk]").forEach(function (el) { if (el.dataset.afdruk !== kind) el.remove(); });
    show(box);
    document.body.appendChild(box);
    document.documentElement.setAttribute("data-afdruk", kind);
    say(T.afdrukken);
    window.print();
  }
  addEventListener("afterprint", unprint);

  function changed(el) {
    var m = /^datum-(\d+)$/.exec(el.name);
    if (m) {
      var n = +m[1];
      if ((plan.datums[n] || "") === el.value) return;  // input and change both report one edit
      if (el.value) plan.datums[n] = el.value; else delete plan.datums[n];
      if (n > 1) plan.gekozen[n] = !!el.value;
      suggest();
      toForm();
    } else if (el.name === "tijd" || el.name === "plaats") {
      if ((plan[el.name] || "") === el.value) return;
      plan[el.name] = el.value;
    } else return;
    save();
    show(document);
  }
  function clear() {
    if (!window.confirm(T.wis_vraag)) return;
    plan = {datums: {}, gekozen: {}};
    try { if (s) s.removeItem(KEY); } catch (e) { /* nothing kept */ }
    toForm();
    show(document);
    say(T.gewist);
  }

  plan = read();
  var island = document.getElementById("planning-gegevens");
  form = document.getElementById("uw-planning");
  if (island && form) {
    G = JSON.parse(island.textContent);
    T = G.teksten;
    toForm();
    if (!empty()) say(T.terug);
    form.addEventListener("input", function (e) { changed(e.target); });
    form.addEventListener("change", function (e) { changed(e.target); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.querySelector('[data-actie="ics"]').onclick = download;
    form.querySelector('[data-actie="deelnemers"]').onclick = function () { printOut("deelnemers"); };
    form.querySelector('[data-actie="agendas"]').onclick = function () { printOut("agendas"); };
    form.querySelector('[data-actie="wis"]').onclick = clear;
  }
  show(document);
  addEventListener("storage", function (e) {  // another tab changed the plan
    if (e.key !== KEY && e.key !== null) return;
    plan = read();
    if (form && G) toForm();
    show(document);
  });
})();
