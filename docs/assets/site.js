/*
 * Progressive enhancement for code tables; without JavaScript the full tables remain.
 *
 * [data-filterable]  adds a filter box that narrows every table row inside as you type
 *                    (a number matches codes that start with it; words must all appear).
 * [data-jump]        in a filterable block, Enter opens the page of the code typed, or of
 *                    the first code still shown; a class with no match hides whole
 *                    ([data-filter-group]); with no match at all, a link to the site
 *                    search with the typed words.
 * [data-sortable]    turns column headings into buttons that sort the table (mouse and
 *                    keyboard), announcing the order with aria-sort.
 * #code-suggestions  on the not-found page, lists the codes the mistyped path could mean,
 *                    and #not-found-q there starts with the words of the path.
 * Material search   the query its worker gets is rewritten (stop words out, exact words
 *                    weighted, one-edit spellings); an exact name or "X vs Y" is pinned first.
 *
 * What the browser knows about codes comes from one file, assets/codes.json (written by
 * generator/statics.py): [[code, name, [names], [comparison pages]], ...], registered
 * codes first.
 */
(function () {
  "use strict";

  var script = document.querySelector("script[src*='assets/site.js']");
  var siteRoot = new URL("../", script ? script.src : window.location.href);
  var codesPromise = null;

  function loadCodes() {
    if (!codesPromise) {
      codesPromise = fetch(new URL("assets/codes.json", siteRoot).href)
        .then(function (response) {
          return response.ok ? response.json() : [];
        })
        .catch(function () {
          return [];
        });
    }
    return codesPromise;
  }

  /* The codes a typed number names; the same rule as Site.codes_for_number in Python:
     a full code names itself; one or two digits name the codes they begin; three digits
     that are no code name the codes sharing the first two; more digits are read as
     their first three. ``known`` is the sorted list of codes, as strings. */
  function codesForNumber(digits, known) {
    digits = digits.slice(0, 3);
    if (!/^\d+$/.test(digits)) return [];
    if (digits.length === 3) {
      if (known.indexOf(digits) !== -1) return [digits];
      digits = digits.slice(0, 2);
    }
    return known.filter(function (code) {
      return code.indexOf(digits) === 0;
    });
  }

  function rowCode(row) {
    var link = row.querySelector("td a");
    return link ? link.textContent.trim().slice(0, 3) : "";
  }

  function matches(row, query, named) {
    if (!query) return true;
    if (/^\d{1,3}$/.test(query)) return named.indexOf(rowCode(row)) !== -1;
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
    var hint = document.createElement("p");
    hint.className = "code-filter__hint";
    hint.hidden = true;
    hint.appendChild(document.createTextNode("No code matches. "));
    var searchLink = document.createElement("a");
    hint.appendChild(searchLink);
    wrap.appendChild(label);
    wrap.appendChild(input);
    wrap.appendChild(status);
    wrap.appendChild(hint);
    // The page reserves a slot of the box's height, so that adding it shifts nothing.
    var slot = block.querySelector(".code-filter-slot");
    if (slot) slot.appendChild(wrap);
    else block.insertBefore(wrap, block.firstChild);

    function visibleRows() {
      return rows.filter(function (row) {
        return !row.hidden;
      });
    }

    var known = rows.map(rowCode).sort();

    function apply() {
      var query = input.value.trim().toLowerCase();
      var named = codesForNumber(query, known);
      rows.forEach(function (row) {
        row.hidden = !matches(row, query, named);
      });
      // Hide what has nothing left to show: a whole class (its heading and description,
      // marked data-filter-group) or else the table with the heading above it.
      Array.prototype.forEach.call(block.querySelectorAll("table"), function (table) {
        var any = table.querySelector("tbody tr:not([hidden])") !== null;
        var group = table.closest("[data-filter-group]");
        if (group) {
          group.hidden = !any;
          return;
        }
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
      // Nothing matches: the words may be in a page's text, so offer the site search
      // (Material opens it with ?q= on the home page).
      hint.hidden = !(query && count === 0);
      if (!hint.hidden) {
        searchLink.href = new URL("?q=" + encodeURIComponent(input.value.trim()), siteRoot).href;
        searchLink.textContent = "Search the whole site for \u201c" + input.value.trim() + "\u201d";
      }
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
        // A full code opens that code; otherwise the first code still shown.
        var target = exact.length ? exact[0] : shown.length ? shown[0] : null;
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
   * Search: two pins on top of Material's ranking, applied to the results it rendered.
   *
   * - An exact code number or name ("429", "no content", "payload too large") puts that
   *   code's page first. Material matches every word as a prefix, so a rare word that
   *   merely starts the same way ("non" for "no") can outrank the exact name.
   * - A comparison ("401 vs 403", "unauthorized vs forbidden", "difference between 502
   *   and 504") puts the comparison page holding those codes first, the one with the
   *   fewest codes where several do: the question is answered on that page, while
   *   Material ranks each code's own page as high.
   */
  var codeNames = null;
  var codeComparisons = {};

  /* Lower case, words only, and American spellings ("unauthorised" names 401 too). */
  function normalise(text) {
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .replace(/([a-z])is(e|ed|es|ing|ation)\b/g, "$1iz$2")
      .trim();
  }

  function loadCodeNames() {
    if (codeNames) return;
    codeNames = {};
    loadCodes().then(function (codes) {
      codes.forEach(function (entry) {
        var code = String(entry[0]);
        entry[2].forEach(function (name) {
          var key = normalise(name);
          if (!(key in codeNames)) codeNames[key] = code; // registered first
        });
        codeComparisons[code] = entry[3] || [];
      });
    });
  }

  /* The code one side of a comparison names: a code number in it, or a code's name. */
  function namedCode(side) {
    var number = side.match(/\b[1-5]\d\d\b/);
    if (number && codeComparisons[number[0]]) return number[0];
    return codeNames[side] || null;
  }

  /* The comparison page for the codes a query compares, or null. */
  function comparisonFor(query) {
    var text = normalise(query).replace(/^(what s |what is )?(the )?difference between /, "");
    var sides = text.split(/ (?:vs|versus|v|or|and|compared to) /);
    if (sides.length < 2) return null;
    var codes = sides.map(namedCode);
    if (codes.indexOf(null) !== -1) return null;
    var shared = codes.reduce(function (pages, code) {
      return pages.filter(function (page) {
        return codeComparisons[code].indexOf(page) !== -1;
      });
    }, codeComparisons[codes[0]]);
    var sizes = {};
    shared.forEach(function (page) {
      sizes[page] = Object.keys(codeComparisons).filter(function (code) {
        return codeComparisons[code].indexOf(page) !== -1;
      }).length;
    });
    shared.sort(function (a, b) {
      return sizes[a] - sizes[b];
    });
    return shared.length ? shared[0] : null;
  }

  function resultPath(item) {
    var link = item.querySelector(".md-search-result__link");
    return link ? new URL(link.href).pathname : "";
  }

  function pinFirst(list, matches) {
    var match = Array.prototype.filter.call(list.children, function (item) {
      return matches(resultPath(item));
    })[0];
    if (match && match !== list.firstElementChild) list.insertBefore(match, list.firstElementChild);
  }

  function pinResults(input, list) {
    if (!codeNames) return;
    var code = codeNames[normalise(input.value)];
    if (code) {
      pinFirst(list, function (path) {
        return path.replace(/\/$/, "").split("/").pop() === code;
      });
      return;
    }
    var comparison = comparisonFor(input.value);
    if (comparison) {
      var wanted = new URL(comparison, siteRoot).pathname;
      pinFirst(list, function (path) {
        return path === wanted;
      });
    }
  }

  /*
   * The query Material posts to its search worker, rewritten; the box keeps what was typed.
   * Material appends a wildcard to every word, so a short word such as "a" or "to" matched
   * every word that begins with it and outweighed the words that carry the question
   * ("cloudflare a timeout occurred" put 202 Accepted first). Here stop words are left out,
   * each word counts more as typed ("web^4") than as a prefix ("web*", which matches
   * "websocket"), and a word of five letters or more also matches the words one edit away
   * ("forbiden~1^2", "unauthorised~1^2"), so that typos and British spellings find their
   * code. The weights were chosen with the tuning suite (tests/search_suite.py).
   */
  var QUERY_STOP_WORDS = (
    "a an the to of in on at by for from with into is are was be been it its my i me we " +
    "you your this that and or but as after before when what why how does do did can " +
    "should shows show getting gets"
  ).split(" ");
  var EXACT_WORD_BOOST = 4;
  var FUZZY_WORD_BOOST = 2;
  var FUZZY_MIN_LENGTH = 5;

  function searchableQuery(query) {
    if (/(^|\s)[+\-]|["~^*]/.test(query)) return query; // the query uses lunr's syntax
    var words = query.split(/\s+/).filter(Boolean);
    var kept = words.filter(function (word) {
      return QUERY_STOP_WORDS.indexOf(word.toLowerCase()) === -1;
    });
    return (kept.length ? kept : words)
      .map(function (word) {
        var terms = [word + "^" + EXACT_WORD_BOOST, word];
        if (/^[a-z]+$/i.test(word) && word.length >= FUZZY_MIN_LENGTH) {
          terms.push(word + "~1^" + FUZZY_WORD_BOOST);
        }
        return terms.join(" ");
      })
      .join(" ");
  }

  function rewriteSearchQueries() {
    if (!window.Worker || Worker.prototype.__queriesRewritten) return;
    var post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message) {
      // Material's search worker protocol: {type: 2 (query), data: the query string}.
      if (message && message.type === 2 && typeof message.data === "string") {
        arguments[0] = { type: message.type, data: searchableQuery(message.data) };
      }
      return post.apply(this, arguments);
    };
    Worker.prototype.__queriesRewritten = true;
  }

  function enhanceSearch() {
    rewriteSearchQueries();
    var input = document.querySelector("input.md-search__input");
    var list = document.querySelector(".md-search-result__list");
    if (!input || !list) return;
    input.addEventListener("focus", loadCodeNames);
    var observer = new MutationObserver(function () {
      observer.disconnect();
      pinResults(input, list);
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

  /* The not-found page: suggest the codes a mistyped path could mean (/42/ -> 420-429,
     /4290/ -> 429, /teapot/ -> 418). */
  function suggestCodes(path, codes) {
    try {
      path = decodeURIComponent(path);
    } catch (malformed) {
      // A path such as /%E0%A4%A/ is not valid percent-encoding: use it as it is.
    }
    path = path.toLowerCase();
    var digits = (path.match(/\d+/g) || []).join("");
    var words = path.replace(/[^a-z]+/g, " ").trim().split(" ").filter(function (w) {
      return w.length > 2;
    });
    var known = codes.map(function (entry) {
      return String(entry[0]);
    }).sort();
    var named = codesForNumber(digits, known);
    var scored = codes.map(function (entry) {
      var code = String(entry[0]);
      var names = entry[2].join(" ").toLowerCase();
      var score = named.indexOf(code) !== -1 ? (named.length === 1 ? 100 : 50) : 0;
      words.forEach(function (w) {
        if (names.indexOf(w) !== -1) score += 20;
      });
      return { code: code, phrase: entry[1], score: score };
    }).filter(function (e) {
      return e.score > 0;
    });
    scored.sort(function (a, b) {
      return b.score - a.score || a.code - b.code;
    });
    return scored.slice(0, 10);
  }

  /* A mistyped path below the site root: "/http-status/teapot/" under the prefix
     "/http-status/" is "teapot/" (the prefix's own words suggest nothing). */
  function pathBelowRoot(path) {
    var prefix = siteRoot.pathname;
    return path.indexOf(prefix) === 0 ? path.slice(prefix.length) : path;
  }

  /* The words of a mistyped path, for the search box: "too-many-requests/" gives
     "too many requests". */
  function pathWords(path) {
    try {
      path = decodeURIComponent(path);
    } catch (malformed) {
      // Not valid percent-encoding: use it as it is.
    }
    return path.replace(/\.html?$/, "").split(/[^A-Za-z0-9]+/).filter(Boolean).join(" ");
  }

  function enhanceNotFound() {
    var list = document.getElementById("code-suggestions");
    if (!list) return;
    var box = document.getElementById("not-found-q");
    var path = pathBelowRoot(window.location.pathname);
    if (box && !box.value) box.value = pathWords(path);
    loadCodes().then(function (codes) {
      var found = suggestCodes(path, codes);
      found.forEach(function (e) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = new URL(e.code + "/", siteRoot).href;
        link.textContent = e.code + " " + e.phrase;
        item.appendChild(link);
        list.appendChild(item);
      });
      var block = document.getElementById("code-suggestions-block");
      if (block) block.hidden = !found.length;
    });
  }

  // For the tests, which hold the Python and JavaScript rules to the same answers.
  window.httpStatusCodes = { codesForNumber: codesForNumber, suggestCodes: suggestCodes };

  function init() {
    enhanceNotFound();
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
