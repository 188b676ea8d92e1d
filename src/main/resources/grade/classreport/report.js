// Sorting and filtering the learners' rows. Without it the page shows every row in the gradebook's order.
// The address can carry a view: report.html?q=TEXT&below=1&sort=KEY (KEY a column's key, -KEY descending).
(function () {
  var list = document.getElementById('learner-rows');
  if (!list) return;
  var rows = Array.prototype.slice.call(list.children);
  var buttons = Array.prototype.slice.call(document.querySelectorAll('.row.head button'));
  var search = document.getElementById('learner-filter');
  var low = document.getElementById('learner-low');
  var shown = document.getElementById('learner-shown');
  var text = rows.map(function (r) {
    var cells = r.firstElementChild.children;
    return (cells[0].textContent + ' ' + cells[cells.length - 1].textContent).toLowerCase();
  });

  function filter() {
    var q = search.value.trim().toLowerCase();
    var n = 0;
    rows.forEach(function (r, i) {
      r.hidden = (q !== '' && text[i].indexOf(q) < 0) || (low.checked && !r.hasAttribute('data-low'));
      if (!r.hidden) n++;
    });
    shown.textContent = n;
  }

  function sort(column, descending) {
    var numeric = column > 0 && column < buttons.length - 1;
    var key = function (r) {
      var cell = r.firstElementChild.children[column];
      var v = parseFloat(cell.textContent);
      return numeric ? (isNaN(v) ? -1 : v) : cell.textContent;
    };
    var keyed = rows.map(function (r, i) { return [key(r), i, r]; });
    keyed.sort(function (a, b) {
      var c = numeric ? a[0] - b[0] : a[0].localeCompare(b[0]);
      return (descending ? -c : c) || a[1] - b[1];
    });
    keyed.forEach(function (k) { list.appendChild(k[2]); });
    buttons.forEach(function (b, i) {
      if (i === column) b.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      else b.removeAttribute('aria-sort');
    });
  }

  buttons.forEach(function (b, i) {
    b.addEventListener('click', function () { sort(i, b.getAttribute('aria-sort') === 'ascending'); });
  });
  search.addEventListener('input', filter);
  low.addEventListener('change', filter);

  var params = new URLSearchParams(location.search);
  search.value = params.get('q') || '';
  low.checked = params.get('below') === '1';
  var wanted = params.get('sort') || '';
  var descending = wanted.charAt(0) === '-';
  var column = buttons.map(function (b) { return b.getAttribute('data-key'); }).indexOf(descending ? wanted.slice(1) : wanted);
  if (column >= 0) sort(column, descending);
  filter();
})();
