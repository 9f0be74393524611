/*
 * Search on demand. Material's bundle fetches the search index and starts its search
 * worker as soon as a page loads (it only waits on file://), and has no setting for it:
 * on a phone that is 40 KB of gzip the reader may never use, competing with the page.
 * This script, printed before the bundle, holds both until the reader starts a search:
 * opens the search dialog (the search button, the "/", "s" or "f" keys, a ?q= link; all
 * go through Material's #__search toggle) or focuses the search box. The index then
 * comes from the browser's HTTP cache on later pages.
 *
 * Loaded deferred, before Material's deferred bundle (overrides/main.html), so that it
 * runs first.
 */
(function () {
  var started = false;
  var waiting = [];
  function start() {
    if (started) return;
    started = true;
    waiting.splice(0).forEach(function (run) { run(); });
  }
  function later(run) {
    if (started) run();
    else waiting.push(run);
  }

  /* The index: Material requests it with XMLHttpRequest; its send waits. */
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__searchIndex = /\/search\/search_index\.json$/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.__searchIndex) return send.apply(request, args);
    later(function () { send.apply(request, args); });
  };

  /* The worker: created on the first message Material posts it (the index, once
     loaded), with the listeners Material added before. */
  var RealWorker = window.Worker;
  function LazyWorker(url, options) {
    this.__args = [url, options];
    this.__real = null;
    this.__listeners = [];
  }
  LazyWorker.prototype.__worker = function () {
    if (!this.__real) {
      var real = (this.__real = new RealWorker(this.__args[0], this.__args[1]));
      this.__listeners.forEach(function (args) { real.addEventListener.apply(real, args); });
    }
    return this.__real;
  };
  LazyWorker.prototype.postMessage = function () {
    var real = this.__worker();
    return real.postMessage.apply(real, arguments);
  };
  LazyWorker.prototype.addEventListener = function () {
    if (this.__real) this.__real.addEventListener.apply(this.__real, arguments);
    else this.__listeners.push(arguments);
  };
  LazyWorker.prototype.removeEventListener = function (type, listener) {
    if (this.__real) this.__real.removeEventListener.apply(this.__real, arguments);
    this.__listeners = this.__listeners.filter(function (args) {
      return !(args[0] === type && args[1] === listener);
    });
  };
  LazyWorker.prototype.terminate = function () {
    if (this.__real) this.__real.terminate();
  };
  if (RealWorker) {
    window.Worker = function (url, options) {
      return /\/workers\/search\.[^/]*\.js$/.test(String(url))
        ? new LazyWorker(url, options)
        : new RealWorker(url, options);
    };
    window.Worker.prototype = LazyWorker.prototype;
  }

  var toggle = document.getElementById("__search");
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked) start();
    });
    if (toggle.checked) start();
  }
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("input.md-search__input")) start();
  });
  if (/[?&]q=/.test(location.search)) start();
})();
