/* The monthly proxy-case report (帮办代办) per point, per township and for the county. */
(function () {
  'use strict';
  var el = SY.el;

  function hours(value) { return value === null || value === undefined ? '—' : String(value); }

  function fill(id, rows, columns, empty) {
    var body = document.getElementById(id);
    body.textContent = '';
    if (rows.length === 0) {
      body.appendChild(el('tr', {}, el('td', { colspan: String(columns), className: 'muted', text: empty })));
    }
    return body;
  }

  function render(report) {
    var county = report.county;
    document.getElementById('county-line').textContent = report.month + '：代办件 ' + county.cases + ' 件，已送达 '
      + county.delivered + ' 件，平均用时 ' + hours(county.averageHours) + ' 小时';
    var townships = fill('township-rows', report.townships, 4, '当月没有代办件');
    report.townships.forEach(function (t) {
      townships.appendChild(el('tr', {}, el('td', { text: t.name }), el('td', { text: String(t.cases) }),
        el('td', { text: String(t.delivered) }), el('td', { text: hours(t.averageHours) })));
    });
    var points = fill('point-rows', report.points, 6, '当月没有代办件');
    report.points.forEach(function (p) {
      var matters = p.matters.map(function (m) { return m.matterName + ' ' + m.cases + ' 件'; }).join('；');
      points.appendChild(el('tr', {}, el('td', { text: p.totals.name }), el('td', { text: p.townshipName }),
        el('td', { text: String(p.totals.cases) }), el('td', { text: String(p.totals.delivered) }),
        el('td', { text: hours(p.totals.averageHours) }), el('td', { text: matters })));
    });
  }

  function load(month) {
    SY.api('GET', '/api/reports/proxy' + (month ? '?month=' + encodeURIComponent(month) : '')).then(function (result) {
      document.getElementById('month').value = result.data.month;
      render(result.data);
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  }

  SY.ready(function () {
    document.getElementById('month-form').addEventListener('submit', function (event) {
      event.preventDefault();
      load(document.getElementById('month').value);
    });
    load(null);
  });
}());
