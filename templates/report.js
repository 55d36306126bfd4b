/* storycompare report: optional interaction.  Everything is readable without it.

   Clicking or focusing a sentence highlights every sentence of its group (the same fact in
   every article) and scrolls each other article's column to it.  Keys on a focused sentence:
   Enter or Space highlight, j/k or Down/Up the next or previous fact in the same article,
   Left/Right the same fact in the neighbouring article, Escape clears.  Tab stops once per article.  Links to a sentence
   (coverage grid, divergences, evidence) highlight and focus it.  The toolbar filters the
   articles: all, agreements, divergences, unique sentences, or one outlet's unique sentences. */
(function () {
  "use strict";
  var main = document.getElementById("main");
  if (!main) { return; }
  var articles = document.getElementById("articles");
  var status = document.getElementById("hl-status");
  var motion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)");
  /* Every sentence can take the focus (tabindex -1: set here, not in the page, 1.3 KB less for 95
     sentences); roving() below makes one per article a Tab stop. */
  var focusable = articles ? articles.querySelectorAll(".s:not(.demo)") : [];
  for (var n = 0; n < focusable.length; n++) { focusable[n].setAttribute("tabindex", "-1"); }

  /* Tooltips are written here, not in the page (about 10 KB less for the example story): each
     sentence's group and the other outlets that report it (also the status line's text), a coverage
     cell's sentence, a cue word's kind.  Without the script the same facts are on the page: the
     group tag and the coverage grid, the sentence the cell links to, the cue legend. */
  var labels = {};
  var outletButtons = document.querySelectorAll("[data-filter-button][data-outlet]");
  for (var b = 0; b < outletButtons.length; b++) {
    labels[outletButtons[b].getAttribute("data-outlet")] = outletButtons[b].firstChild.nodeValue.trim();
  }
  function listed(items) {
    return items.length <= 2 ? items.join(" and ") : items.slice(0, -1).join(", ") + " and " + items[items.length - 1];
  }
  var columnsOf = {};
  for (var m = 0; m < focusable.length; m++) {
    var g = focusable[m].getAttribute("data-group");
    if (g) { (columnsOf[g] = columnsOf[g] || []).push(focusable[m].getAttribute("data-col")); }
  }
  for (var t = 0; t < focusable.length; t++) {
    var sen = focusable[t], own = sen.getAttribute("data-col"), grp = sen.getAttribute("data-group");
    if (!grp) { sen.title = "Only in " + labels[own]; continue; }
    var others = columnsOf[grp].filter(function (c, i, all) { return c !== own && all.indexOf(c) === i; });
    others.sort(function (x, y) { return x - y; });
    var tag = sen.querySelector(".tag");
    sen.title = "Group " + (tag ? tag.textContent.slice(1) : "") + " (" + sen.getAttribute("data-kind") + ")" +
      (others.length ? "; also in " + listed(others.map(function (c) { return labels[c]; })) : "");
  }
  var cells = document.querySelectorAll('a.cell[href^="#s-"]');
  for (var c = 0; c < cells.length; c++) {
    var target = document.getElementById(decodeURIComponent(cells[c].getAttribute("href").slice(1)));
    if (!target) { continue; }
    var said = "";  // the sentence's own text: its text nodes and an underlined matched part, not its tag or badge
    for (var n = target.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3 || n.nodeName === "U") { said += n.textContent; }
    }
    cells[c].title = said;
  }
  var shows = document.querySelectorAll("a.who");
  for (var w = 0; w < shows.length; w++) { shows[w].title = "Show in the article"; }
  var cues = document.querySelectorAll('mark[class^="cue-"]');
  for (var q = 0; q < cues.length; q++) { cues[q].title = cues[q].className.slice(4) + " cue"; }

  /* An evidence sentence quoted the same under an earlier actor is written once in the page: its
     later places refer to it ("quoted above, under NATO"); here the quote is copied back in. */
  var again = document.querySelectorAll("p.quote.again[data-quote]");
  for (var a = 0; a < again.length; a++) {
    var original = document.getElementById(again[a].getAttribute("data-quote"));
    if (!original) { continue; }
    var copy = original.cloneNode(true);
    copy.removeAttribute("id");
    again[a].parentNode.replaceChild(copy, again[a]);
  }

  function isSentence(el) { return !!(el && el.matches && el.matches(".s[tabindex]")); }
  function shown(el) { return el.getClientRects().length > 0; }
  function sentencesIn(scope) {
    return Array.prototype.filter.call(scope.querySelectorAll(".s[tabindex]"), shown);
  }
  /* Where a sentence's article is laid out: its column, or its cell in a pair table. */
  function scopeOf(el) { return el.closest(".col-body") || el.closest("td") || articles; }

  function clear() {
    var lit = document.querySelectorAll(".s.hl, .s.hl-origin");
    for (var i = 0; i < lit.length; i++) { lit[i].classList.remove("hl", "hl-origin"); }
    if (status) { status.textContent = ""; }
  }

  function behaviour() { return motion && motion.matches ? "auto" : "smooth"; }

  /* Scroll column ``col`` so that ``el`` shows at height ``at`` (a viewport y), unless it shows
     already; returns where ``el`` will be, [top, bottom] in viewport coordinates. */
  function reveal(el, col, at) {
    var r = el.getBoundingClientRect();
    var c = col.getBoundingClientRect();
    var top = Math.max(c.top, 0), bottom = Math.min(c.bottom, window.innerHeight);
    if (r.top >= top && r.bottom <= bottom) { return [r.top, r.bottom]; }
    if (at === null || at < top || at > bottom) { at = top + (bottom - top) / 3; }
    at = Math.max(top, Math.min(at, bottom - r.height));  // all of it, when it fits
    var from = col.scrollTop;
    var target = Math.max(0, Math.min(col.scrollHeight - col.clientHeight, from + r.top - at));
    col.scrollTo({ top: target, behavior: behaviour() });
    return [r.top - (target - from), r.bottom - (target - from)];
  }

  /* Highlight every member of the sentence's group.  With ``scroll``, each other column shows its
     first member level with the origin; should one still be off screen (a column scrolled to its
     end), the page scrolls too, when the origin and its counterparts fit on one screen. */
  function highlight(origin, scroll) {
    clear();
    origin.classList.add("hl-origin");
    if (status) { status.textContent = origin.title + ". Escape clears."; }
    var group = origin.getAttribute("data-group");
    if (!group) { return; }
    var members = document.querySelectorAll('.s[data-group="' + CSS.escape(group) + '"]');
    var own = origin.closest(".col-body");
    var o = origin.getBoundingClientRect();
    var at = own ? o.top : null;
    var top = o.top, bottom = o.bottom;
    var done = [];
    for (var i = 0; i < members.length; i++) {
      var el = members[i];
      el.classList.add("hl");
      var col = el.closest(".col-body");
      if (scroll && col && col !== own && done.indexOf(col) < 0 && shown(el)) {
        done.push(col);
        var span = reveal(el, col, at);
        top = Math.min(top, span[0]);
        bottom = Math.max(bottom, span[1]);
      }
    }
    if (done.length && bottom - top <= window.innerHeight && (top < 0 || bottom > window.innerHeight)) {
      window.scrollBy({ top: top < 0 ? top : bottom - window.innerHeight, behavior: behaviour() });
    }
  }

  /* The next (step 1) or previous (step -1) fact after ``from`` in its article: a sentence of
     another group; unique sentences count only when no grouped sentence is shown. */
  function nextFact(from, step) {
    var list = sentencesIn(scopeOf(from));
    var grouped = list.filter(function (s) { return s.hasAttribute("data-group"); });
    if (grouped.length) { list = grouped.indexOf(from) >= 0 ? grouped : list; }
    var group = from.getAttribute("data-group");
    var i = list.indexOf(from);
    if (i < 0) { return null; }
    for (var j = i + step; j >= 0 && j < list.length; j += step) {
      var g = list[j].getAttribute("data-group");
      if (!group || g !== group) {
        // Backwards, land on the first sentence of that fact, as forwards does.
        while (step < 0 && g && j > 0 && list[j - 1].getAttribute("data-group") === g) { j--; }
        return list[j];
      }
    }
    return null;
  }

  /* The same fact in the next column to the right (step 1) or left (step -1) that reports it. */
  function sideFact(from, step) {
    var group = from.getAttribute("data-group");
    if (!group) { return null; }
    var scopes = Array.prototype.filter.call(articles.querySelectorAll(".col-body, .pair-table td"), shown);
    var i = scopes.indexOf(scopeOf(from));
    for (var j = i + step; i >= 0 && j >= 0 && j < scopes.length; j += step) {
      var hit = scopes[j].querySelector('.s[data-group="' + CSS.escape(group) + '"]');
      if (hit && shown(hit)) { return hit; }
    }
    return null;
  }

  function go(el) {
    if (!el) { return; }
    if (document.activeElement === el) { highlight(el, true); } else { el.focus(); }  // focusin highlights
  }

  function sentenceFromHash(hash) {
    var raw = hash.charAt(0) === "#" ? hash.slice(1) : hash;
    if (raw.indexOf("s-") !== 0) { return null; }
    var id;
    try { id = decodeURIComponent(raw); } catch (e) { id = raw; }
    var el = document.getElementById(id) || document.getElementById(raw);
    return isSentence(el) ? el : null;
  }

  /* A mouse press focuses the sentence before the click: highlight then, scroll after the click
     (scrolling between press and release would move another sentence under the pointer). */
  var pressing = false;
  document.addEventListener("mousedown", function () { pressing = true; }, true);
  document.addEventListener("mouseup", function () { setTimeout(function () { pressing = false; }, 0); }, true);

  document.addEventListener("click", function (ev) {
    if (!ev.target.closest) { return; }
    var s = ev.target.closest(".s[tabindex]");
    if (s) { highlight(s, true); return; }
    var link = ev.target.closest('a[href^="#s-"]');
    if (link && link.getAttribute("href") === location.hash) {
      go(sentenceFromHash(location.hash));  // no hashchange follows a click on the current hash
    }
  });
  document.addEventListener("focusin", function (ev) {
    if (isSentence(ev.target)) { highlight(ev.target, !pressing); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    if (ev.key === "Escape") { clear(); return; }
    var s = isSentence(ev.target) ? ev.target : null;
    var next = null;
    if (!s) {
      if ((ev.key === "j" || ev.key === "k") && ev.target === document.body) {
        var all = sentencesIn(articles).filter(function (x) { return x.hasAttribute("data-group"); });
        next = ev.key === "j" ? all[0] : all[all.length - 1];
      }
    } else if (ev.key === "Enter" || ev.key === " ") {
      ev.preventDefault();
      highlight(s, true);
      return;
    } else if (ev.key === "j" || ev.key === "ArrowDown") {
      next = nextFact(s, 1);
    } else if (ev.key === "k" || ev.key === "ArrowUp") {
      next = nextFact(s, -1);
    } else if (ev.key === "ArrowRight") {
      next = sideFact(s, 1);
    } else if (ev.key === "ArrowLeft") {
      next = sideFact(s, -1);
    } else {
      return;
    }
    if (next) { ev.preventDefault(); go(next); }  // else an arrow scrolls as usual
  });

  /* A link to #s-… (coverage grid, divergences, evidence) highlights and focuses that sentence. */
  function fromHash() { go(sentenceFromHash(location.hash)); }
  window.addEventListener("hashchange", fromHash);
  fromHash();

  /* One Tab stop per article (its column, or its side of a pair table), not one per sentence: the
     sentence last focused in it, at first its first sentence; the keys above move within and across. */
  function roving(el) {
    var scope = scopeOf(el);
    var current = scope.querySelectorAll('.s[tabindex="0"]');
    for (var i = 0; i < current.length; i++) { if (current[i] !== el) { current[i].setAttribute("tabindex", "-1"); } }
    el.setAttribute("tabindex", "0");
  }
  var scopes = articles ? articles.querySelectorAll(".col-body, .pair-table td") : [];
  /* Without the script each scrolling column is a Tab stop of its own (tabindex in the page); with
     it the sentences inside are, so the columns step aside. */
  var regions = articles ? articles.querySelectorAll(".columns[tabindex], .col-body[tabindex]") : [];
  for (var r = 0; r < regions.length; r++) { regions[r].removeAttribute("tabindex"); }
  for (var k = 0; k < scopes.length; k++) {
    var firstOne = scopes[k].querySelector(".s[tabindex]");
    if (firstOne) { firstOne.setAttribute("tabindex", "0"); }
  }
  document.addEventListener("focusin", function (ev) { if (isSentence(ev.target)) { roving(ev.target); } });

  /* Printing from the browser prints every collapsed section open, then closes them again. */
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    for (var i = 0; i < opened.length; i++) { opened[i].open = false; }
    opened = [];
  });

  /* The skip link goes straight to the first sentence. */
  var skip = document.querySelector(".skip");
  if (skip) {
    skip.addEventListener("click", function (ev) {
      var first = sentencesIn(articles)[0];
      if (first) { ev.preventDefault(); articles.scrollIntoView(); first.focus({ preventScroll: true }); }
    });
  }

  /* Filter buttons: all / agreements / divergences / unique / one outlet's unique sentences. */
  var toolbar = document.querySelector(".toolbar");
  if (toolbar) {
    toolbar.hidden = false;
    var keys = document.querySelector(".keys");
    if (keys) { keys.hidden = false; }
    var buttons = toolbar.querySelectorAll("[data-filter-button]");
    toolbar.addEventListener("click", function (ev) {
      var b = ev.target.closest("[data-filter-button]");
      if (!b) { return; }
      main.setAttribute("data-filter", b.getAttribute("data-filter-button"));
      if (b.hasAttribute("data-outlet")) {
        main.setAttribute("data-outlet", b.getAttribute("data-outlet"));
      } else {
        main.removeAttribute("data-outlet");
      }
      for (var i = 0; i < buttons.length; i++) {
        buttons[i].setAttribute("aria-pressed", buttons[i] === b ? "true" : "false");
      }
    });
  }
})();
