/*
 * One case for review: facts, materials, timeline, the hash-chain check and the decision form.
 * case-bundle.js and case-commitments.js draw the bundle and the commitment verification.
 */
(function () {
  'use strict';
  var el = SY.el;

  /** Statuses after which each decision is allowed; the server applies the same rule and has the last word. */
  var ALLOWED_AFTER = {
    accept: ['intake', 'forwarded', 'supplemented'],
    request_supplement: ['intake', 'forwarded', 'accepted', 'supplemented'],
    approve: ['intake', 'forwarded', 'accepted', 'supplemented'],
    reject: ['intake', 'forwarded', 'accepted', 'supplemented', 'supplement_requested'],
    result_ready: ['approved', 'rejected']
  };

  function caseNo() {
    return SY.lastPathSegment();
  }

  function row(label, value) {
    return el('tr', {}, el('th', { text: label }), el('td', { text: value || '' }));
  }

  function renderChain(problems) {
    var box = document.getElementById('chain-result');
    box.textContent = '';
    if (problems.length === 0) {
      box.className = 'ok';
      box.textContent = '办理记录完整性校验通过：每条记录的哈希值与内容相符，前后记录衔接完整。';
      return;
    }
    box.className = 'error';
    box.appendChild(el('strong', { text: '办理记录完整性校验未通过，请联系技术人员核查：' }));
    var list = el('ul', {});
    problems.forEach(function (problem) { list.appendChild(el('li', { text: problem })); });
    box.appendChild(list);
  }

  function eventDetail(e) {
    var parts = [];
    if (e.comment) { parts.push('意见：' + e.comment); }
    if (e.materials && e.materials.length) { parts.push('需补正：' + e.materials.join('、')); }
    return parts.length ? el('span', { className: 'event-detail', text: parts.join('；') }) : null;
  }

  /** Offers only the decisions allowed after the case's status, and hides the form when none is. */
  function renderDecisions(status) {
    var select = document.getElementById('decision');
    var allowed = 0;
    Array.prototype.forEach.call(select.options, function (option) {
      var ok = ALLOWED_AFTER[option.value].indexOf(status) >= 0;
      option.hidden = !ok;
      option.disabled = !ok;
      if (ok) { allowed++; }
    });
    var firstAllowed = Array.prototype.filter.call(select.options, function (o) { return !o.disabled; })[0];
    if (select.selectedOptions.length === 0 || select.selectedOptions[0].disabled) {
      if (firstAllowed) { select.value = firstAllowed.value; }
    }
    document.getElementById('decision-form').hidden = allowed === 0;
    var closed = document.getElementById('decision-closed');
    closed.hidden = allowed > 0;
    closed.textContent = '办件当前状态下没有可执行的审批操作。';
    decisionChanged();
  }

  function decisionChanged() {
    var decision = document.getElementById('decision').value;
    document.getElementById('materials-field').hidden = decision !== 'request_supplement';
    document.getElementById('seal-fields').hidden = decision !== 'result_ready';
    document.getElementById('comment-label').textContent = decision === 'reject' ? '不予批准理由（必填）' : '审批意见';
  }

  /** Returns when the case reached central, with a warning where the node's clock was off. */
  function arrival(c) {
    if (!c.arrivedAt) { return ''; }
    var text = SY.formatDateTime(c.arrivedAt);
    if (c.clockOff) { text += '（受理点时钟' + clockDirection(c) + '，受理时间和办理时限不可信）'; }
    return text;
  }

  /** Says which way the origin node's clock was off; the offset is the node's minus central's. */
  function clockDirection(c) {
    var offset = c.nodeClockOffsetSeconds;
    if (offset === null || offset === undefined) { return '偏快'; }
    return (offset > 0 ? '偏快 ' : '偏慢 ') + SY.formatSeconds(Math.abs(offset));
  }

  function render(c) {
    document.getElementById('case-title').textContent = '办件 ' + c.caseNo;
    renderChain(c.hashChainProblems);
    var facts = document.getElementById('case-facts');
    facts.textContent = '';
    [['状态', c.statusLabel], ['事项', c.matterName + '（' + c.matterCode + '）'], ['承办部门', c.department],
      ['申请人', c.applicant.name], ['证件', c.applicant.idTypeLabel + ' ' + c.applicant.idNumber],
      ['联系电话', c.applicant.phone], ['地址', c.applicant.address], ['代办', c.proxy ? '是' : '否'],
      ['受理点', c.originPointName], ['受理人', c.intakeClerkName], ['受理时间', SY.formatDateTime(c.createdAt)],
      ['承诺办结', SY.formatDue(c.dueAt) + (c.dueStateLabel ? '（' + c.dueStateLabel + '）' : '')],
      ['到达县中心', arrival(c)],
      ['事项目录版本', String(c.catalogueVersion)]]
      .forEach(function (pair) { facts.appendChild(row(pair[0], pair[1])); });
    facts.querySelector('td').id = 'case-status';
    if (c.supplementDue) {
      facts.appendChild(row('容缺补齐期限', SY.formatDate(c.supplementDue) + (c.supplementOverdue ? '（已逾期）' : '')));
      facts.appendChild(row('仍缺材料', c.stillMissing.length
        ? c.stillMissing.map(function (m) { return m.name; }).join('、') : '已全部补齐'));
    }
    var materials = document.getElementById('case-materials');
    materials.textContent = '';
    c.materials.forEach(function (m) { materials.appendChild(row(m.name, m.statusLabel)); });
    var events = document.getElementById('case-events');
    events.textContent = '';
    c.events.forEach(function (e) {
      events.appendChild(el('li', {},
        el('span', { className: 'event-time', text: SY.formatDateTime(e.at) }),
        el('span', { className: 'event-type', text: e.typeLabel }),
        el('span', { className: 'event-who', text: e.pointName + ' · ' + e.actorName }),
        eventDetail(e)));
    });
    renderDecisions(c.status);
    document.getElementById('case').hidden = false;
  }

  function load() {
    return SY.api('GET', '/api/cases/' + encodeURIComponent(caseNo())).then(function (result) {
      render(result.data);
      SY.caseBundle.load(caseNo());
      SY.caseCommitments.load(caseNo());
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  }

  /** Returns the e-seal use typed for a result-ready decision, or null when no seal or document was given. */
  function sealUse(decision) {
    if (decision !== 'result_ready') { return null; }
    var seal = document.getElementById('seal-name').value.trim();
    var documentName = document.getElementById('seal-document').value.trim();
    if (!seal && !documentName) { return null; }
    return { seal: seal, document: documentName, approvalRef: document.getElementById('seal-approval').value.trim() };
  }

  function submit(event) {
    event.preventDefault();
    var error = document.getElementById('decision-error');
    var done = document.getElementById('decision-done');
    var button = document.getElementById('decide-button');
    error.hidden = true;
    done.hidden = true;
    var decision = document.getElementById('decision').value;
    var materials = document.getElementById('decision-materials').value.split(/[\n,，、]/)
      .map(function (name) { return name.trim(); })
      .filter(function (name) { return name.length > 0; });
    var body = {
      decision: decision,
      comment: document.getElementById('decision-comment').value,
      materials: decision === 'request_supplement' ? materials : []
    };
    var seal = sealUse(decision);
    if (seal) { body.seal = seal; }
    button.disabled = true;
    SY.api('POST', '/api/cases/' + encodeURIComponent(caseNo()) + '/decisions', body).then(function (result) {
      document.getElementById('decision-comment').value = '';
      document.getElementById('decision-materials').value = '';
      ['seal-name', 'seal-document', 'seal-approval'].forEach(function (id) { document.getElementById(id).value = ''; });
      done.textContent = '已记录“' + result.data.typeLabel + '”，将同步到受理点。';
      done.hidden = false;
      return load();
    }, function (e) {
      SY.showError(error, e);
    }).then(function () { button.disabled = false; });
  }

  SY.ready(function () {
    document.getElementById('decision').addEventListener('change', decisionChanged);
    document.getElementById('decision-form').addEventListener('submit', submit);
    load();
  });
}());
