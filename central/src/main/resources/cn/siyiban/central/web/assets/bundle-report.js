/* The monthly share of cases taken in through bundles (一件事), against the target of one half. */
(function () {
  'use strict';
  var el = SY.el;

  function percent(share) { return share === null || share === undefined ? '—' : (share * 100).toFixed(1) + '%'; }

  function render(report) {
    var total = report.total;
    var line = document.getElementById('share-line');
    line.textContent = report.month + '：办件 ' + total.cases + ' 件，其中一件事办件 ' + total.bundleCases + ' 件（'
      + report.submissions + ' 次受理），占比 ' + percent(total.share) + '，'
      + (report.targetMet ? '已达到' : '未达到') + '目标 ' + percent(report.target) + '。';
    line.className = report.targetMet ? 'success' : 'error';
    var bundles = document.getElementById('bundle-rows');
    bundles.textContent = '';
    if (report.bundles.length === 0) {
      bundles.appendChild(el('tr', {}, el('td', { colspan: '3', className: 'muted', text: '当月没有一件事办件' })));
    }
    report.bundles.forEach(function (b) {
      bundles.appendChild(el('tr', {}, el('td', { text: b.bundleName }), el('td', { text: String(b.submissions) }),
        el('td', { text: String(b.cases) })));
    });
    var trend = document.getElementById('trend-rows');
    trend.textContent = '';
    report.trend.forEach(function (m) {
      trend.appendChild(el('tr', {}, el('td', { text: m.month }), el('td', { text: String(m.cases) }),
        el('td', { text: String(m.bundleCases) }), el('td', { text: percent(m.share) })));
    });
  }

  function load(month) {
    SY.api('GET', '/api/reports/bundles' + (month ? '?month=' + encodeURIComponent(month) : '')).then(function (result) {
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
