/* Sync status of every village and township node, as a table with filters and counts. */
(function () {
  'use strict';
  var el = SY.el;
  var LABELS = { ok: '正常', offline: '离线', error: '错误', unregistered: '未注册' };
  var nodes = [];

  function render() {
    var needle = document.getElementById('filter-q').value.trim();
    var status = document.getElementById('filter-status').value;
    var body = document.getElementById('node-rows');
    body.textContent = '';
    nodes.filter(function (n) {
      return (!status || n.status === status) && (!needle || n.name.indexOf(needle) >= 0 || n.point.indexOf(needle) >= 0);
    }).forEach(function (n) {
      body.appendChild(el('tr', {},
        el('td', { text: n.point }),
        el('td', { text: n.name }),
        el('td', { text: n.group === 'township' ? '镇（街道）' : '村（社区）' }),
        el('td', { className: 'status-' + n.status, text: LABELS[n.status] || n.status }),
        el('td', { text: n.lastContact ? SY.formatDateTime(n.lastContact) : '无' }),
        el('td', { text: String(n.pendingBatches) }),
        el('td', { text: String(n.errorBatches) })));
    });
    var counts = { ok: 0, offline: 0, error: 0, unregistered: 0 };
    nodes.forEach(function (n) { counts[n.status] = (counts[n.status] || 0) + 1; });
    var summary = document.getElementById('node-summary');
    summary.textContent = '';
    summary.appendChild(el('span', { text: '共 ' + nodes.length + ' 个节点' }));
    Object.keys(LABELS).forEach(function (key) {
      summary.appendChild(el('span', { className: 'status-' + key, text: LABELS[key] + ' ' + counts[key] }));
    });
  }

  function load() {
    SY.api('GET', '/api/sync/nodes').then(function (result) {
      nodes = result.data;
      render();
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  }

  SY.ready(function () {
    document.getElementById('filter-form').addEventListener('submit', function (event) {
      event.preventDefault();
      render();
    });
    document.getElementById('refresh').addEventListener('click', load);
    load();
  });
}());
