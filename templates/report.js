/* storycompare report: optional interaction.  Everything is readable without it. */
(function () {
  "use strict";
  var main = document.getElementById("main");
  if (!main) { return; }

  function clear() {
    var lit = document.querySelectorAll(".s.hl, .s.hl-origin");
    for (var i = 0; i < lit.length; i++) { lit[i].classList.remove("hl", "hl-origin"); }
  }

  function columnOf(el) { return el.closest(".col-body"); }

  /* Highlight every member of the sentence's group; scroll each other column to its first member. */
  function highlight(origin, scroll) {
    clear();
    origin.classList.add("hl-origin");
    var group = origin.getAttribute("data-group");
    if (!group) { return; }
    var members = document.querySelectorAll('.s[data-group="' + CSS.escape(group) + '"]');
    var own = columnOf(origin);
    var done = [];
    for (var i = 0; i < members.length; i++) {
      var el = members[i];
      el.classList.add("hl");
      var col = columnOf(el);
      if (scroll && col && col !== own && done.indexOf(col) < 0) {
        done.push(col);
        col.scrollTo({ top: Math.max(0, el.offsetTop - col.clientHeight / 3), behavior: "smooth" });
      }
    }
  }

  document.addEventListener("click", function (ev) {
    var s = ev.target.closest && ev.target.closest(".s[tabindex]");
    if (s) { highlight(s, true); }
  });
  document.addEventListener("focusin", function (ev) {
    var s = ev.target.closest && ev.target.closest(".s[tabindex]");
    if (s) { highlight(s, true); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { clear(); }
  });

  /* A link to #s-… (coverage grid, divergences, evidence) highlights that sentence's group. */
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (id.indexOf("s-") !== 0) { return; }
    var el = document.getElementById(id) || document.getElementById(location.hash.slice(1));
    if (el && el.classList.contains("s")) { highlight(el, true); }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();

  /* Filter buttons: all / agreements / divergences / unique. */
  var toolbar = document.querySelector(".toolbar");
  if (toolbar) {
    toolbar.hidden = false;
    var buttons = toolbar.querySelectorAll("[data-filter-button]");
    toolbar.addEventListener("click", function (ev) {
      var b = ev.target.closest("[data-filter-button]");
      if (!b) { return; }
      main.setAttribute("data-filter", b.getAttribute("data-filter-button"));
      for (var i = 0; i < buttons.length; i++) {
        buttons[i].setAttribute("aria-pressed", buttons[i] === b ? "true" : "false");
      }
    });
  }
})();
