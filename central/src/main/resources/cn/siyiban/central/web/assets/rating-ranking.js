/* The county ranking of points (最佳服务大厅) and clerks (最佳服务窗口) by their ratings. */
(function () {
  'use strict';
  var el = SY.el;

  function fill(id, entries, cells, columns) {
    var rows = document.getElementById(id);
    rows.textContent = '';
    if (entries.length === 0) {
      rows.appendChild(el('tr', {}, el('td', { colspan: String(columns), className: 'muted', text: '暂无评价' })));
    }
    entries.forEach(function (entry) {
      rows.appendChild(el.apply(null, ['tr', {}].concat(cells(entry).map(function (text) {
        return el('td', { text: text });
      }))));
    });
  }

  function load() {
    var minCount = document.getElementById('min-count').value || '1';
    SY.api('GET', '/api/ratings/ranking?minCount=' + encodeURIComponent(minCount)).then(function (result) {
      fill('point-rows', result.data.points, function (p) {
        return [String(p.rank), p.pointName, p.average.toFixed(2), String(p.count)];
      }, 4);
      fill('clerk-rows', result.data.clerks, function (c) {
        return [String(c.rank), c.clerkName, c.pointName, c.average.toFixed(2), String(c.count)];
      }, 5);
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  }

  SY.ready(function () {
    document.getElementById('ranking-form').addEventListener('submit', function (event) {
      event.preventDefault();
      load();
    });
    load();
  });
}());
