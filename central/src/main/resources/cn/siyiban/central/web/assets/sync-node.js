/* One node of the sync monitor: figures, alerts, actions, a 7-day plot of backlog and lag, batches and audit log. */
(function () {
  'use strict';
  var el = SY.el;
  var LABELS = { ok: '正常', behind: '滞后', offline: '离线', error: '错误', unregistered: '未注册', disabled: '已停用' };
  var DIRECTIONS = { outgoing: '下发', incoming: '上传' };
  var ACTIONS = { retry_batch: '重试批次', reload_node: '重新发送基础数据', disable_node: '停用节点', enable_node: '恢复节点' };
  var point = decodeURIComponent(window.location.pathname.split('/').pop());
  var plot = null;

  function time(text) { return text ? SY.formatDateTime(text) : '无'; }

  function figure(list, label, value) {
    list.appendChild(el('dt', { text: label }));
    list.appendChild(el('dd', { text: value === null || value === undefined ? '—' : String(value) }));
  }

  function renderNode(n) {
    document.getElementById('node-title').textContent = n.name + '（' + n.point + '）';
    var status = document.getElementById('node-status');
    status.className = 'status-' + n.status;
    status.textContent = LABELS[n.status] || n.status;
    var list = document.getElementById('node-figures');
    list.textContent = '';
    figure(list, '所属镇（街道）', n.townshipName);
    figure(list, '节点编号', n.nodeId);
    figure(list, '注册时间', time(n.registeredAt));
    figure(list, '最后心跳', time(n.lastHeartbeat));
    figure(list, '最后上传（推送）', time(n.lastPush));
    figure(list, '最后下发（拉取）', time(n.lastPull));
    figure(list, '待下发批次 / 行', n.outgoingBatches + ' / ' + n.outgoingRows);
    figure(list, '最早未送达数据', time(n.oldestUnsent));
    figure(list, '待上传批次 / 行', n.incomingBatches === null ? null : n.incomingBatches + ' / ' + n.incomingRows);
    figure(list, '错误批次', n.errorBatches);
    figure(list, '时钟偏差（秒，正数为节点快）', n.clockOffsetSeconds);
    figure(list, 'SymmetricDS 版本', n.symmetricVersion);
    figure(list, '配置版本', n.configVersion);
    var r = n.report;
    figure(list, '泗易办版本', r ? r.siyibanVersion : null);
    figure(list, '事项目录版本', r ? r.catalogueVersion : null);
    figure(list, '剩余磁盘', r ? SY.formatBytes(r.freeDiskBytes) + ' / ' + SY.formatBytes(r.totalDiskBytes)
      + '（' + r.freeDiskPercent + '%）' + (r.diskLow ? ' 磁盘将满' : '') : null);
    figure(list, '数据库大小', r ? SY.formatBytes(r.databaseBytes) : null);
    figure(list, '状态上报时间', r ? time(r.reportedAt) : null);
    figure(list, '主机名 / IP', (n.hostName || '—') + ' / ' + (n.ipAddress || '—'));
    figure(list, '最近启动', time(n.lastRestart));
    document.getElementById('disable').hidden = !n.syncEnabled || !n.registeredAt;
    document.getElementById('enable').hidden = n.syncEnabled || !n.registeredAt;
    document.getElementById('reload').hidden = !n.registeredAt;
  }

  function renderAlerts(alerts) {
    var list = document.getElementById('alert-list');
    list.textContent = '';
    if (alerts.length === 0) { list.appendChild(el('li', { className: 'muted', text: '当前没有告警' })); }
    alerts.forEach(function (a) {
      list.appendChild(el('li', { text: a.message + (a.since ? '（自 ' + time(a.since) + ' 起）' : '') }));
    });
  }

  function renderBatches(batches) {
    var body = document.getElementById('batch-rows');
    body.textContent = '';
    batches.forEach(function (b) {
      var retry = el('td', {});
      if (b.direction === 'outgoing' && b.status === 'ER') {
        var button = el('button', { type: 'button', text: '重试' });
        button.addEventListener('click', function () {
          act('确定要重新发送批次 ' + b.batchId + ' 吗？', '/api/sync/nodes/' + point + '/batches/' + b.batchId + '/retry', {});
        });
        retry.appendChild(button);
      }
      body.appendChild(el('tr', { className: b.status === 'ER' ? 'status-error' : '' },
        el('td', { text: String(b.batchId) }),
        el('td', { text: DIRECTIONS[b.direction] }),
        el('td', { text: b.channel }),
        el('td', { text: b.status }),
        el('td', { text: String(b.rows) }),
        el('td', { text: time(b.createdAt) }),
        el('td', { text: time(b.updatedAt) }),
        el('td', { text: b.errorMessage || '' }),
        retry));
    });
  }

  function renderAudit(entries) {
    var body = document.getElementById('audit-rows');
    body.textContent = '';
    entries.forEach(function (e) {
      body.appendChild(el('tr', {},
        el('td', { text: time(e.actedAt) }),
        el('td', { text: e.actor }),
        el('td', { text: ACTIONS[e.action] || e.action }),
        el('td', { text: e.target || '' }),
        el('td', { text: e.detail || '' })));
    });
  }

  function renderPlot(samples) {
    var box = document.getElementById('backlog-plot');
    document.getElementById('plot-empty').hidden = samples.length > 0;
    if (plot) { plot.destroy(); plot = null; }
    if (samples.length === 0 || typeof uPlot === 'undefined') { return; }
    var x = samples.map(function (s) { return new Date(s.sampledAt + '+08:00').getTime() / 1000; });
    var data = [x,
      samples.map(function (s) { return s.outgoingBatches; }),
      samples.map(function (s) { return s.incomingBatches; }),
      samples.map(function (s) { return s.lagSeconds / 60; })];
    plot = new uPlot({
      width: Math.min(900, box.clientWidth || 900), height: 260,
      series: [{},
        { label: '待下发批次', stroke: '#1565c0' },
        { label: '待上传批次', stroke: '#2e7d32' },
        { label: '延迟（分钟）', stroke: '#c62828', scale: 'min' }],
      axes: [{}, { label: '批次' }, { side: 1, scale: 'min', label: '分钟', grid: { show: false } }]
    }, data, box);
  }

  function act(question, url, body) {
    if (!window.confirm(question)) { return; }
    SY.api('POST', url, body).then(function () {
      document.getElementById('action-result').textContent = '操作已完成并记入操作记录。';
      load();
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  }

  function load() {
    SY.api('GET', '/api/sync/nodes/' + encodeURIComponent(point)).then(function (result) {
      renderNode(result.data.node);
      renderAlerts(result.data.alerts);
      renderBatches(result.data.batches);
      renderAudit(result.data.audit);
      renderPlot(result.data.samples);
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  }

  SY.ready(function () {
    document.getElementById('reload').addEventListener('click', function () {
      act('确定要向该节点重新发送全部基础数据（事项目录、网点、日历和本网点账号）吗？',
        '/api/sync/nodes/' + point + '/reload', {});
    });
    document.getElementById('disable').addEventListener('click', function () {
      var typed = window.prompt('停用后该设备将无法再同步（用于设备丢失或被盗）。请输入网点代码 ' + point + ' 确认：');
      if (typed === null) { return; }
      SY.api('POST', '/api/sync/nodes/' + point + '/disable', { confirm: typed.trim() }).then(function () {
        document.getElementById('action-result').textContent = '节点已停用，并记入操作记录。';
        load();
      }, function (e) { SY.showError(document.getElementById('page-error'), e); });
    });
    document.getElementById('enable').addEventListener('click', function () {
      if (!window.confirm('确定要恢复该节点的同步吗？')) { return; }
      SY.api('POST', '/api/sync/nodes/' + point + '/enable', { confirm: point }).then(function () {
        document.getElementById('action-result').textContent = '节点已恢复，并记入操作记录。';
        load();
      }, function (e) { SY.showError(document.getElementById('page-error'), e); });
    });
    load();
  });
}());
