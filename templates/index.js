/* storycompare collection index: sort a table by a column.  The page reads the
   same without it; the headings become buttons only when this runs. */
(function () {
  "use strict";
  function key(row, column, numeric) {
    var cell = row.cells[column];
    var value = cell ? cell.getAttribute("data-value") || "" : "";
    return numeric ? parseFloat(value) || 0 : value.toLowerCase();
  }
  function sort(table, heading) {
    var headings = table.tHead.rows[0].cells;
    var column = Array.prototype.indexOf.call(headings, heading);
    var numeric = heading.getAttribute("data-type") === "num";
    var current = heading.getAttribute("aria-sort");
    var order = current === "descending" ? "ascending" : current === "ascending" ? "descending" : numeric ? "descending" : "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (row, index) { row.setAttribute("data-index", String(index)); });
    rows.sort(function (a, b) {
      var x = key(a, column, numeric), y = key(b, column, numeric);
      var c = numeric ? x - y : x.localeCompare(y);
      if (c === 0) { return Number(a.getAttribute("data-index")) - Number(b.getAttribute("data-index")); }
      return order === "ascending" ? c : -c;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(headings, function (h) { h.removeAttribute("aria-sort"); });
    heading.setAttribute("aria-sort", order);
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (heading) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = heading.textContent;
      heading.textContent = "";
      heading.appendChild(button);
      button.addEventListener("click", function () { sort(table, heading); });
    });
  });
}());
