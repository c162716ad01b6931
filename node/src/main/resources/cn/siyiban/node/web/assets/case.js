/* One case with its materials and its event timeline. */
(function () {
  'use strict';
  var el = SY.el;

  function row(label, value) {
    return el('tr', {}, el('th', { text: label }), el('td', { text: value || '' }));
  }

  /** Shows the materials accepted as missing (容缺) that are still outstanding, and the notice link. */
  function renderMissing(c) {
    var notice = document.getElementById('notice-link');
    notice.hidden = !c.supplementDue;
    notice.href = '/notice/missing/' + encodeURIComponent(c.caseNo);
    var section = document.getElementById('missing');
    section.hidden = !c.supplementDue;
    if (!c.supplementDue) { return; }
    var due = document.getElementById('missing-due');
    if (c.stillMissing.length === 0) {
      due.textContent = '容缺材料已全部补齐。';
    } else {
      due.textContent = '请在 ' + SY.formatDate(c.supplementDue) + ' 前补齐以下材料'
        + (c.supplementOverdue ? '（已逾期，部门可以终止办理）' : '') + '：';
    }
    due.className = c.supplementOverdue ? 'error' : '';
    var items = document.getElementById('missing-items');
    items.textContent = '';
    c.stillMissing.forEach(function (m) { items.appendChild(el('li', { text: m.name })); });
  }

  /** Shows the link to each printed form that applies to the case in its current status. */
  function renderFormLinks(c) {
    var has = function (type) { return c.events.some(function (e) { return e.type === type; }); };
    var applies = {
      proxy: c.proxy,
      commitment: c.materials.some(function (m) { return m.status === 'committed'; }),
      'supplement-request': has('supplement_requested'),
      result: has('approved') || has('rejected')
    };
    Object.keys(applies).forEach(function (kind) {
      var link = document.getElementById(kind + '-form-link');
      link.href = '/forms/' + kind + '/' + encodeURIComponent(c.caseNo);
      link.hidden = !applies[kind];
    });
  }

  function render(c) {
    document.getElementById('case-title').textContent = '办件 ' + c.caseNo;
    var facts = document.getElementById('case-facts');
    facts.textContent = '';
    [['状态', c.statusLabel], ['事项', c.matterName + '（' + c.matterCode + '）'], ['承办部门', c.department],
      ['申请人', c.applicant.name], ['证件', c.applicant.idTypeLabel + ' ' + c.applicant.idNumber],
      ['联系电话', c.applicant.phone], ['地址', c.applicant.address], ['代办', c.proxy ? '是' : '否'],
      ['受理点', c.originPointName], ['受理人', c.intakeClerkName], ['受理时间', SY.formatDateTime(c.createdAt)],
      ['承诺办结', SY.formatDue(c.dueAt) + (c.dueStateLabel ? '（' + c.dueStateLabel + '）' : '')],
      ['事项目录版本', String(c.catalogueVersion)]]
      .forEach(function (pair) { facts.appendChild(row(pair[0], pair[1])); });
    var materials = document.getElementById('case-materials');
    materials.textContent = '';
    c.materials.forEach(function (m) { materials.appendChild(row(m.name, m.statusLabel)); });
    var events = document.getElementById('case-events');
    events.textContent = '';
    c.events.forEach(function (e) {
      events.appendChild(el('li', {},
        el('span', { className: 'event-time', text: SY.formatDateTime(e.at) }),
        el('span', { className: 'event-type', text: e.typeLabel }),
        el('span', { className: 'event-who', text: e.pointName + ' · ' + e.actorName })));
    });
    document.getElementById('receipt-link').href = '/receipt/' + encodeURIComponent(c.caseNo);
    renderMissing(c);
    renderFormLinks(c);
    document.getElementById('case').hidden = false;
  }

  /**
   * Explains a case whose row arrived by sync before its intake record (HTTP 409 case_incomplete),
   * so the clerk waits for sync instead of looking for a mistyped number.
   */
  function renderSyncing(e) {
    document.getElementById('case-syncing-message').textContent = e.message;
    document.getElementById('case-syncing').hidden = false;
  }

  function load() {
    SY.api('GET', '/api/cases/' + encodeURIComponent(SY.lastPathSegment())).then(function (result) {
      render(result.data);
    }, function (e) {
      if (e.code === 'case_incomplete') {
        renderSyncing(e);
      } else {
        SY.showError(document.getElementById('page-error'), e);
      }
    });
  }

  SY.ready(function () {
    document.getElementById('case-syncing-reload').addEventListener('click', function () {
      window.location.reload();
    });
    document.getElementById('deliver').addEventListener('click', function () {
      if (!window.confirm('确认已将办理结果交给申请人？')) { return; }
      SY.api('POST', '/api/cases/' + encodeURIComponent(SY.lastPathSegment()) + '/delivery', {})
        .then(function () {
          load();
          SY.proxySteps.load();
        }, function (e) { SY.showError(document.getElementById('page-error'), e); });
    });
    load();
    SY.caseBundle.load();
    SY.proxySteps.start();
    SY.ratingLink.load(SY.lastPathSegment());
  });
}());
