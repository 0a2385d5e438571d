{#- Inlined in every page's head by main.html, before the theme's script runs. The theme asks for the search index
    (search/search_index.json, the whole site's text) and builds it in a worker as soon as a page opens; on a phone
    that is the largest download and much of the work of every page view, for a search most readers never open. This
    holds that one request back until search is used: focus in the search field (a click, a tap, the keys / s f), the
    search dialog opened (its toggle, #__search), or a page opened with ?q= (the 404 page's search) or ?h= (the terms
    to mark after choosing a result). The theme waits for the index meanwhile, as it does on file:// (where it loads
    search_index.js instead; untouched here). Kept short: it is part of every page. -#}
(function () {
  var x = XMLHttpRequest.prototype, open = x.open, send = x.send, held = [], go = /[?&][qh]=/.test(location.search);
  function start() {
    if (go) return;
    go = true;
    held.splice(0).forEach(function (r) { send.apply(r[0], r[1]); });
  }
  x.open = function (method, url) {
    this.wbZoekindex = /\/search\/search_index\.json$/.test(url);
    return open.apply(this, arguments);
  };
  x.send = function () {
    if (this.wbZoekindex && !go) held.push([this, arguments]);
    else return send.apply(this, arguments);
  };
  addEventListener("focusin", function (e) { if (e.target.closest && e.target.closest(".md-search")) start(); });
  addEventListener("change", function (e) { if (e.target.id === "__search") start(); });
})();
