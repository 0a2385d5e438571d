// The search terms a chosen result opens its page with (?h=…) marked in headings too. Long heading words carry soft
// hyphens (hooks/hyphenation.py: "net­werk­kaart"), and the theme's marking compares the text as it stands, so it
// never finds "netwerkkaart" there. This marks what the theme cannot: each place where a term, read without soft
// hyphens, spans one. The theme marks every other place (a term without a soft hyphen inside it), so the two never
// mark the same letters, whichever runs first. Terms as the theme reads them: split at spaces and * + - : ~ ^, any
// case, anywhere in a word.
(function () {
  var SOFT = "\u00ad";
  var query = new URLSearchParams(location.search).get("h");
  if (!query) return;
  var terms = query.toLowerCase().split(/[\s*+\-:~^]+/).filter(Boolean);
  var root = document.querySelector("article");
  if (!terms.length || !root) return;

  function ranges(text) {
    var plain = "", at = [];  // at[i]: where plain[i] stands in text
    for (var i = 0; i < text.length; i++) if (text[i] !== SOFT) { at.push(i); plain += text[i]; }
    var lower = plain.toLowerCase(), found = [];
    terms.forEach(function (term) {
      for (var k = lower.indexOf(term); k >= 0; k = lower.indexOf(term, k + 1)) {
        var start = at[k], end = at[k + term.length - 1] + 1;
        if (text.slice(start, end).indexOf(SOFT) >= 0) found.push([start, end]);
      }
    });
    found.sort(function (a, b) { return a[0] - b[0]; });
    return found.reduce(function (out, r) {  // overlapping matches become one mark
      var last = out[out.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else out.push(r);
      return out;
    }, []);
  }

  var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), nodes = [];
  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue.indexOf(SOFT) >= 0 && !node.parentNode.closest("mark")) nodes.push(node);
  }
  nodes.forEach(function (node) {
    var text = node.nodeValue, found = ranges(text), done = 0;
    if (!found.length) return;
    var parts = document.createDocumentFragment();
    found.forEach(function (r) {
      parts.appendChild(document.createTextNode(text.slice(done, r[0])));
      var mark = document.createElement("mark");
      mark.setAttribute("data-md-highlight", "");
      mark.textContent = text.slice(r[0], r[1]);
      parts.appendChild(mark);
      done = r[1];
    });
    parts.appendChild(document.createTextNode(text.slice(done)));
    node.parentNode.replaceChild(parts, node);
  });
})();
