/* Deals table: a text filter, filters by kind, status, year and company, sorting by any
   column, and pages of PAGE rows. Progressive enhancement: the table works without this
   script (long ones in pages of rows linked by #fragment, see the deals_table macro); it
   reads the data-* attributes the template writes and only hides rows or reorders them. */
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

  var PAGE = 50;

  function enhance(table, n) {
    var body = table.tBodies[0];
    var rows = [];
    // One body for all rows: the script pages the filtered rows itself.
    Array.prototype.slice.call(table.tBodies).forEach(function (part) {
      Array.prototype.forEach.call(part.rows, function (row) { rows.push(row); });
    });
    rows.forEach(function (row) { body.appendChild(row); });
    while (table.tBodies.length > 1) table.removeChild(table.tBodies[1]);
    body.removeAttribute("id");
    table.removeAttribute("data-dossier-pages");
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
    var textLabel = document.createElement("label");
    var text = document.createElement("input");
    text.type = "search";
    text.id = "dossier-filter-" + n + "-text";
    textLabel.setAttribute("for", text.id);
    textLabel.textContent = "Text ";
    textLabel.appendChild(text);
    form.appendChild(textLabel);
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
    var links = wrapper.nextElementSibling;
    if (links && links.classList.contains("dossier-pages")) links.remove();
    var pager = document.createElement("nav");
    pager.className = "dossier-pager";
    pager.setAttribute("aria-label", "Pages of this table");
    var previous = document.createElement("button");
    previous.type = "button";
    previous.textContent = "Previous";
    var where = document.createElement("span");
    var next = document.createElement("button");
    next.type = "button";
    next.textContent = "Next";
    pager.appendChild(previous);
    pager.appendChild(where);
    pager.appendChild(next);
    wrapper.parentNode.insertBefore(pager, wrapper.nextSibling);
    var page = 0;

    function words(text) {
      return text.toLowerCase().split(/\s+/).filter(function (w) { return w; });
    }

    function apply() {
      var wanted = words(text.value);
      var matching = rows.filter(function (row) {
        var haystack = (row.textContent + " " + (row.dataset.companies || "")).toLowerCase();
        return wanted.every(function (w) { return haystack.indexOf(w) !== -1; }) &&
          fields.every(function (f, i) {
            return !boxes[i].value || f[2](row).indexOf(boxes[i].value) !== -1;
          });
      });
      var pages = Math.max(1, Math.ceil(matching.length / PAGE));
      page = Math.min(page, pages - 1);
      var first = page * PAGE, last = Math.min(first + PAGE, matching.length);
      rows.forEach(function (row) { row.hidden = true; });
      matching.slice(first, last).forEach(function (row) { row.hidden = false; });
      count.textContent = matching.length > PAGE
        ? "Showing " + (first + 1) + "–" + last + " of " + matching.length + " deals" +
          (matching.length < rows.length ? " (" + rows.length + " in all)." : ".")
        : "Showing " + matching.length + " of " + rows.length + " deals.";
      pager.hidden = pages === 1;
      where.textContent = "Page " + (page + 1) + " of " + pages;
      previous.disabled = page === 0;
      next.disabled = page === pages - 1;
    }
    function refilter() { page = 0; apply(); }
    boxes.forEach(function (box) { box.addEventListener("change", refilter); });
    text.addEventListener("input", refilter);
    previous.addEventListener("click", function () { page -= 1; apply(); });
    next.addEventListener("click", function () { page += 1; apply(); });
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
        page = 0;
        apply();
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
