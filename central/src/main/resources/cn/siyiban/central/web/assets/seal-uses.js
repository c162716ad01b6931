/* The e-seal usage log; a use without an approval reference is marked unapproved. */
(function () {
  'use strict';
  var el = SY.el;
  var SOURCES = { result_ready: '结果已出', api: '接口报送' };

  SY.ready(function () {
    SY.api('GET', '/api/seal-uses').then(function (result) {
      var body = document.getElementById('seal-rows');
      var unapproved = 0;
      result.data.forEach(function (u) {
        if (!u.approvalRef) { unapproved++; }
        body.appendChild(el('tr', { className: u.approvalRef ? '' : 'status-error' },
          el('td', { text: SY.formatDateTime(u.usedAt) }),
          el('td', { text: u.seal }),
          el('td', { text: u.document }),
          el('td', { text: u.caseNo || '—' }),
          el('td', { text: u.usedBy }),
          el('td', { text: u.approvalRef || '未审批' }),
          el('td', { text: SOURCES[u.source] || u.source }),
          el('td', { text: u.recordedBy })));
      });
      document.getElementById('seal-count').textContent = '共 ' + result.data.length + ' 条，其中未审批 '
        + unapproved + ' 条';
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  });
}());
