/*
 * Progressive enhancement for code tables; without JavaScript the full tables remain.
 *
 * [data-filterable]  adds a filter box that narrows every table row inside as you type
 *                    (a number matches codes that start with it; words must all appear).
 * [data-jump]        in a filterable block, Enter on a full code (or on a single match)
 *                    opens that code's page.
 * [data-sortable]    turns column headings into buttons that sort the table (mouse and
 *                    keyboard), announcing the order with aria-sort.
 */
(function () {
  "use strict";

  function rowCode(row) {
    var link = row.querySelector("td a");
    return link ? link.textContent.trim().slice(0, 3) : "";
  }

  function matches(row, query) {
    if (!query) return true;
    if (/^\d{1,3}$/.test(query)) return rowCode(row).indexOf(query) === 0;
    var text = row.textContent.toLowerCase();
    return query.split(/\s+/).every(function (word) {
      return text.indexOf(word) !== -1;
    });
  }

  function enhanceFilter(block, index) {
    var rows = Array.prototype.slice.call(block.querySelectorAll("tbody tr"));
    if (!rows.length) return;
    var id = "code-filter-" + index;
    var wrap = document.createElement("div");
    wrap.className = "code-filter";
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = block.hasAttribute("data-jump") ? "Jump to a code" : "Filter codes";
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.autocomplete = "off";
    input.spellcheck = false;
    input.placeholder = "A number or words, e.g. 429 or rate limit";
    var status = document.createElement("p");
    status.className = "code-filter__status";
    status.setAttribute("role", "status");
    wrap.appendChild(label);
    wrap.appendChild(input);
    wrap.appendChild(status);
    // The page reserves a slot of the box's height, so that adding it shifts nothing.
    var slot = block.querySelector(".code-filter-slot");
    if (slot) slot.appendChild(wrap);
    else block.insertBefore(wrap, block.firstChild);

    function visibleRows() {
      return rows.filter(function (row) {
        return !row.hidden;
      });
    }

    function apply() {
      var query = input.value.trim().toLowerCase();
      rows.forEach(function (row) {
        row.hidden = !matches(row, query);
      });
      // Hide tables (and their section headings) that have nothing left to show.
      Array.prototype.forEach.call(block.querySelectorAll("table"), function (table) {
        var any = table.querySelector("tbody tr:not([hidden])") !== null;
        var holder = table.closest(".md-typeset__scrollwrap") || table;
        holder.hidden = !any;
        var heading = holder.previousElementSibling;
        while (heading && !/^H[1-6]$/.test(heading.tagName)) {
          heading = heading.previousElementSibling;
        }
        if (heading && block.hasAttribute("data-jump")) heading.hidden = !any;
      });
      var count = visibleRows().length;
      status.textContent = query
        ? count + " of " + rows.length + " codes match"
        : rows.length + " codes";
    }

    input.addEventListener("input", apply);
    if (block.hasAttribute("data-jump")) {
      input.addEventListener("keydown", function (event) {
        if (event.key !== "Enter") return;
        var query = input.value.trim();
        var shown = visibleRows();
        var exact = shown.filter(function (row) {
          return rowCode(row) === query;
        });
        var target = exact.length ? exact[0] : shown.length === 1 ? shown[0] : null;
        if (target) {
          event.preventDefault();
          window.location.href = target.querySelector("td a").href;
        }
      });
    }
    apply();
  }

  function cellValue(row, column) {
    var cell = row.children[column];
    var text = cell ? cell.textContent.trim() : "";
    return /^\d+$/.test(text) ? Number(text) : text.toLowerCase();
  }

  function enhanceSort(table) {
    var headers = Array.prototype.slice.call(table.querySelectorAll("thead th"));
    var body = table.tBodies[0];
    headers.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) {
          other.removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, column);
          var y = cellValue(b, column);
          var order = x < y ? -1 : x > y ? 1 : 0;
          if (order === 0) order = cellValue(a, 0) < cellValue(b, 0) ? -1 : 1;
          return ascending ? order : -order;
        });
        rows.forEach(function (row) {
          body.appendChild(row);
        });
      });
    });
    if (headers.length) headers[0].setAttribute("aria-sort", "ascending");
  }

  /*
   * Search: an exact code number or name ("429", "no content", "payload too large")
   * puts that code's page first. Material's search matches every word as a prefix, so a
   * rare word that merely starts the same way ("non" for "no") can outrank the exact
   * name; this moves the exact match to the top of the results Material rendered.
   */
  var codeNames = null;

  function normalise(text) {
    return text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }

  function loadCodeNames() {
    if (codeNames) return;
    codeNames = {};
    var script = document.querySelector("script[src*='assets/site.js']");
    var url = new URL("code-names.json", script ? script.src : window.location.href);
    fetch(url.href)
      .then(function (response) {
        return response.ok ? response.json() : {};
      })
      .then(function (data) {
        Object.keys(data).forEach(function (code) {
          data[code].forEach(function (name) {
            var key = normalise(name);
            if (!(key in codeNames)) codeNames[key] = code; // registered codes come first
          });
        });
      })
      .catch(function () {});
  }

  function pinExactMatch(input, list) {
    var code = codeNames && codeNames[normalise(input.value)];
    if (!code) return;
    var items = Array.prototype.slice.call(list.children);
    var match = items.filter(function (item) {
      var link = item.querySelector(".md-search-result__link");
      return link && new URL(link.href).pathname.replace(/\/$/, "").split("/").pop() === code;
    })[0];
    if (match && match !== list.firstElementChild) list.insertBefore(match, list.firstElementChild);
  }

  function enhanceSearch() {
    var input = document.querySelector("input.md-search__input");
    var list = document.querySelector(".md-search-result__list");
    if (!input || !list) return;
    input.addEventListener("focus", loadCodeNames);
    var observer = new MutationObserver(function () {
      observer.disconnect();
      pinExactMatch(input, list);
      observer.observe(list, { childList: true });
    });
    observer.observe(list, { childList: true });
  }

  /* Material wraps each code block's copy button in a <nav>; unnamed, the many navs
     are indistinguishable landmarks. Name each one after its block. */
  function labelCodeNavs() {
    var navs = document.querySelectorAll("nav.md-code__nav:not([aria-label])");
    Array.prototype.forEach.call(navs, function (nav) {
      var block = nav.closest(".highlight");
      var title = block && block.querySelector(".filename");
      var index = Array.prototype.indexOf.call(document.querySelectorAll(".highlight"), block);
      nav.setAttribute(
        "aria-label",
        (title ? title.textContent.trim() + " " : "Code ") + "block " + (index + 1) + " actions"
      );
    });
  }

  function init() {
    labelCodeNavs();
    new MutationObserver(labelCodeNavs).observe(document.body, { childList: true, subtree: true });
    enhanceSearch();
    Array.prototype.forEach.call(document.querySelectorAll("[data-filterable]"), enhanceFilter);
    Array.prototype.forEach.call(
      document.querySelectorAll("[data-sortable] table"),
      enhanceSort
    );
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
