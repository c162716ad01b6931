/* Sync monitor: counts per state, a grid of every node grouped by township, the alerts and a filtered table. */
(function () {
  'use strict';
  var el = SY.el;
  var LABELS = { ok: '正常', behind: '滞后', offline: '离线', error: '错误', unregistered: '未注册', disabled: '已停用' };
  var overview = { nodes: [], alerts: [], counts: {} };
  var catalogueVersion = null;

  function nodeLink(n, text) {
    return el('a', { href: '/sync-status/' + encodeURIComponent(n.point), text: text });
  }

  function renderSummary() {
    var summary = document.getElementById('node-summary');
    summary.textContent = '';
    summary.appendChild(el('span', { text: '共 ' + overview.nodes.length + ' 个节点' }));
    Object.keys(LABELS).forEach(function (key) {
      summary.appendChild(el('span', { className: 'status-' + key, text: LABELS[key] + ' ' + (overview.counts[key] || 0) }));
    });
  }

  function renderGrid() {
    var grid = document.getElementById('node-grid');
    grid.textContent = '';
    var groups = {};
    var order = [];
    overview.nodes.forEach(function (n) {
      if (!groups[n.township]) { groups[n.township] = { name: n.townshipName, nodes: [] }; order.push(n.township); }
      groups[n.township].nodes.push(n);
    });
    order.forEach(function (code) {
      var cells = el('div', { className: 'cells' });
      groups[code].nodes.forEach(function (n) {
        var cell = nodeLink(n, '');
        cell.className = 'cell status-' + n.status;
        cell.title = n.name + '：' + (LABELS[n.status] || n.status);
        cell.setAttribute('data-point', n.point);
        cells.appendChild(cell);
      });
      grid.appendChild(el('div', { className: 'township' }, el('h3', { text: groups[code].name }), cells));
    });
  }

  function renderAlerts() {
    var list = document.getElementById('alert-list');
    list.textContent = '';
    if (overview.alerts.length === 0) {
      list.appendChild(el('li', { className: 'muted', text: '当前没有告警' }));
    }
    overview.alerts.forEach(function (a) {
      list.appendChild(el('li', { className: 'alert-' + a.kind },
        el('span', { text: (a.name || a.point) + '：' + a.message }),
        el('span', { className: 'muted', text: a.since ? '（自 ' + SY.formatDateTime(a.since) + ' 起）' : '' })));
    });
  }

  function offsetText(seconds) {
    if (seconds === null || seconds === undefined) { return '—'; }
    if (seconds > 0) { return '快 ' + SY.formatSeconds(seconds); }
    if (seconds < 0) { return '慢 ' + SY.formatSeconds(-seconds); }
    return '0 秒';
  }

  /** The node's catalogue version, marked when it is older than the version central publishes. */
  function catalogueCell(n) {
    if (!n.report) { return el('td', { text: '—' }); }
    var behind = catalogueVersion !== null && n.report.catalogueVersion < catalogueVersion;
    return el('td', { className: behind ? 'status-behind' : '', 'data-catalogue': String(n.report.catalogueVersion),
      text: 'v' + n.report.catalogueVersion + (behind ? '（未更新）' : '') });
  }

  function renderTable() {
    var needle = document.getElementById('filter-q').value.trim();
    var status = document.getElementById('filter-status').value;
    var body = document.getElementById('node-rows');
    body.textContent = '';
    overview.nodes.filter(function (n) {
      return (!status || n.status === status) && (!needle || n.name.indexOf(needle) >= 0 || n.point.indexOf(needle) >= 0);
    }).forEach(function (n) {
      body.appendChild(el('tr', {},
        el('td', {}, nodeLink(n, n.point)),
        el('td', { text: n.name }),
        el('td', { text: n.group === 'township' ? '镇（街道）' : '村（社区）' }),
        el('td', { className: 'status-' + n.status, text: LABELS[n.status] || n.status }),
        el('td', { text: n.lastHeartbeat ? SY.formatDateTime(n.lastHeartbeat) : '无' }),
        el('td', { text: String(n.outgoingBatches) }),
        el('td', { text: n.incomingBatches === null ? '—' : String(n.incomingBatches) }),
        el('td', { text: String(n.errorBatches) }),
        el('td', { text: offsetText(n.clockOffsetSeconds) }),
        el('td', { text: n.report ? n.report.siyibanVersion : '—' }),
        catalogueCell(n),
        el('td', { className: n.report && n.report.diskLow ? 'status-error' : '',
          text: n.report ? SY.formatBytes(n.report.freeDiskBytes) + '（' + n.report.freeDiskPercent + '%）' : '—' })));
    });
  }

  function load() {
    SY.api('GET', '/api/catalogue/version').then(function (result) {
      catalogueVersion = result.data.version;
      return SY.api('GET', '/api/sync/overview');
    }).then(function (result) {
      overview = result.data;
      renderSummary();
      renderGrid();
      renderAlerts();
      renderTable();
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  }

  /** Reloads only the alerts, so an unapproved seal use appears without a click on 刷新. */
  function refreshAlerts() {
    SY.api('GET', '/api/sync/alerts').then(function (result) {
      overview.alerts = result.data;
      renderAlerts();
    }, function () { /* the next refresh or a click on 刷新 shows the error */ });
  }

  SY.ready(function () {
    window.setInterval(refreshAlerts, 30000);
    document.getElementById('filter-form').addEventListener('submit', function (event) {
      event.preventDefault();
      renderTable();
    });
    document.getElementById('refresh').addEventListener('click', load);
    load();
  });
}());
