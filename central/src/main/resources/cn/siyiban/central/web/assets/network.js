/* Network registry: every point with its parent, level and the registration state of its node. */
(function () {
  'use strict';
  var el = SY.el;
  var points = [];

  function render() {
    var needle = document.getElementById('filter-q').value.trim();
    var level = document.getElementById('filter-level').value;
    var registration = document.getElementById('filter-registration').value;
    var body = document.getElementById('point-rows');
    body.textContent = '';
    points.filter(function (p) {
      return (!level || p.level === level) && (!registration || p.registration === registration)
        && (!needle || p.name.indexOf(needle) >= 0 || p.code.indexOf(needle) >= 0);
    }).forEach(function (p) {
      var status = p.status
        ? el('td', {}, el('a', { href: '/sync-status/' + encodeURIComponent(p.code), className: 'status-' + p.status, text: p.statusLabel }))
        : el('td', { text: '—' });
      body.appendChild(el('tr', { 'data-point': p.code },
        el('td', { text: p.code }),
        el('td', { text: p.name }),
        el('td', { text: p.levelLabel }),
        el('td', { text: p.parentName ? p.parentName + '（' + p.parentCode + '）' : '—' }),
        el('td', { className: 'registration-' + p.registration, text: p.registrationLabel }),
        el('td', { text: p.registeredAt ? SY.formatDateTime(p.registeredAt) : '—' }),
        status));
    });
  }

  function renderSummary() {
    var counts = { registered: 0, unregistered: 0, disabled: 0 };
    points.forEach(function (p) { if (counts[p.registration] !== undefined) { counts[p.registration]++; } });
    document.getElementById('network-summary').textContent = '共 ' + points.length + ' 个网点：已注册 ' + counts.registered
      + '，未注册 ' + counts.unregistered + '，已停用 ' + counts.disabled;
  }

  SY.ready(function () {
    document.getElementById('filter-form').addEventListener('submit', function (event) {
      event.preventDefault();
      render();
    });
    SY.api('GET', '/api/network').then(function (result) {
      points = result.data;
      renderSummary();
      render();
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  });
}());
