/* Deals table: sort by any column and filter by kind, status, year and company.
   Progressive enhancement: the table is complete without this script; it reads the
   data-* attributes the deals template writes and only hides rows or reorders them. */
(function () {
  "use strict";

  function distinct(rows, read) {
    var seen = {};
    rows.forEach(function (row) {
      read(row).forEach(function (value) { if (value) seen[value] = true; });
    });
    return Object.keys(seen).sort(function (a, b) { return a.localeCompare(b); });
  }

  function select(form, id, label, values) {
    var wrap = document.createElement("label");
    wrap.setAttribute("for", id);
    wrap.textContent = label + " ";
    var box = document.createElement("select");
    box.id = id;
    var all = document.createElement("option");
    all.value = "";
    all.textContent = "all";
    box.appendChild(all);
    values.forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = value;
      box.appendChild(option);
    });
    wrap.appendChild(box);
    form.appendChild(wrap);
    return box;
  }

  function sortKey(cell) {
    var key = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    return key.trim().toLowerCase();
  }

  function compare(a, b) {
    var x = Number(a), y = Number(b);
    if (a !== "" && b !== "" && !isNaN(x) && !isNaN(y)) return x - y;
    return a.localeCompare(b);
  }

  function enhance(table, n) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var fields = [
      ["kind", "Kind", function (r) { return [r.dataset.kind]; }],
      ["status", "Status", function (r) { return [r.dataset.status]; }],
      ["year", "Year", function (r) { return [r.dataset.year]; }],
      ["company", "Company", function (r) { return (r.dataset.companies || "").split("\n"); }]
    ];
    var form = document.createElement("form");
    form.className = "dossier-filter";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Filter deals");
    var boxes = fields.map(function (f) {
      return select(form, "dossier-filter-" + n + "-" + f[0], f[1], distinct(rows, f[2]));
    });
    var count = document.createElement("p");
    count.className = "dossier-filter-count";
    count.setAttribute("aria-live", "polite");
    // The theme wraps tables in scroll containers of its own (around or inside ours):
    // the controls go before the outermost one, so they wrap to the screen's width.
    var wrapper = table;
    for (var up = table; up; up = up.parentElement.closest(".md-typeset__scrollwrap")) {
      wrapper = up;
      if (!up.parentElement) break;
    }
    wrapper.parentNode.insertBefore(form, wrapper);
    wrapper.parentNode.insertBefore(count, wrapper);

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var keep = fields.every(function (f, i) {
          return !boxes[i].value || f[2](row).indexOf(boxes[i].value) !== -1;
        });
        row.hidden = !keep;
        if (keep) shown += 1;
      });
      count.textContent = "Showing " + shown + " of " + rows.length + " deals.";
    }
    boxes.forEach(function (box) { box.addEventListener("change", apply); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();

    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "dossier-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var order = compare(sortKey(a.cells[column]), sortKey(b.cells[column]));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function start() {
    var tables = document.querySelectorAll("table[data-dossier-filter]");
    Array.prototype.forEach.call(tables, enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
