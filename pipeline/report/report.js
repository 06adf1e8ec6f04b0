// Review report behaviour: selecting a fact highlights and scrolls to its evidence;
// selecting evidence in the text highlights the facts that quote it; verdict filters.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");

  function clear(cls) {
    var on = document.querySelectorAll("." + cls);
    for (var i = 0; i < on.length; i++) on[i].classList.remove(cls);
  }

  function pieces(evId) {
    return document.querySelectorAll('[data-ev="' + evId + '"]:not(tr)');
  }

  // Scroll the text pane (not the whole page) so the evidence sits in its middle.
  function reveal(anchor) {
    var pane = document.getElementById("doctext");
    if (!pane || !pane.contains(anchor)) {
      anchor.scrollIntoView({ block: "center" });
      return;
    }
    var a = anchor.getBoundingClientRect();
    var p = pane.getBoundingClientRect();
    pane.scrollTop += a.top - p.top - Math.max(0, (p.height - a.height) / 2);
    var b = anchor.getBoundingClientRect();
    if (b.top < 0 || b.top > window.innerHeight - 20) anchor.scrollIntoView({ block: "center" });
  }

  function selectFact(row) {
    var evId = row.getAttribute("data-ev");
    clear("active");
    clear("selected");
    row.classList.add("selected");
    var parts = pieces(evId);
    for (var i = 0; i < parts.length; i++) parts[i].classList.add("active");
    var anchor = document.getElementById(evId);
    if (anchor) reveal(anchor);
    if (history.replaceState) history.replaceState(null, "", "#" + evId);
  }

  function selectEvidence(el) {
    var evId = el.getAttribute("data-ev");
    clear("active");
    clear("selected");
    var parts = pieces(evId);
    for (var i = 0; i < parts.length; i++) parts[i].classList.add("active");
    var rows = document.querySelectorAll('tr[data-ev="' + evId + '"]');
    for (var j = 0; j < rows.length; j++) rows[j].classList.add("selected");
    if (rows.length) rows[0].scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("click", function (e) {
    var t = e.target;
    if (!(t instanceof Element)) return;
    var button = t.closest("button[data-filter]");
    if (button) {
      var mode = button.getAttribute("data-filter");
      root.setAttribute("data-filter", mode);
      var buttons = document.querySelectorAll("button[data-filter]");
      for (var b = 0; b < buttons.length; b++) buttons[b].classList.toggle("on", buttons[b] === button);
      return;
    }
    var row = t.closest("tr.fact[data-ev]");
    if (row) {
      e.preventDefault();
      selectFact(row);
      return;
    }
    var ev = t.closest(".ev[data-ev]");
    if (ev) selectEvidence(ev);
  });

  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.key === "Enter" && t instanceof Element && t.matches("tr.fact[data-ev]")) selectFact(t);
  });

  if (location.hash.indexOf("#ev-") === 0) {
    var first = document.querySelector('tr.fact[data-ev="' + location.hash.slice(1) + '"]');
    if (first) selectFact(first);
  }
})();
