/* One rectification item: the bad rating, its closed-loop history, the next step and the annulment form. */
(function () {
  'use strict';
  var el = SY.el;
  var ratingId = SY.lastPathSegment();

  function row(label, value) {
    return el('tr', {}, el('th', { text: label }), el('td', { text: value }));
  }

  function level(value) { return value === null ? '未评' : String(value) + ' 分'; }

  function render(item) {
    var facts = document.getElementById('item-facts');
    facts.textContent = '';
    [['状态', item.statusLabel + (item.overdue ? '（已超期）' : '')],
      ['整体满意度', item.overallLabel],
      ['服务效率 / 服务水平 / 服务态度', [item.efficiency, item.competence, item.attitude].map(level).join(' / ')],
      ['意见建议', item.comment || '无'],
      ['服务点', item.pointName],
      ['工作人员', item.clerkName],
      ['办件编号', item.caseNo || '无（未关联办件，匿名评价）'],
      ['评价时间', SY.formatDateTime(item.ratedAt)],
      ['到达县级中心', SY.formatDateTime(item.openedAt)],
      ['办结期限', SY.formatDate(item.dueOn)],
      ['责任人', item.assigneeName || '未指定'],
      ['作废', item.annulment ? item.annulment.reason + '（' + item.annulment.annulledBy + '，'
        + SY.formatDateTime(item.annulment.annulledAt) + '）' : '否']]
      .forEach(function (pair) { facts.appendChild(row(pair[0], pair[1])); });
    var steps = document.getElementById('step-rows');
    steps.textContent = '';
    item.steps.forEach(function (s) {
      steps.appendChild(el('tr', {}, el('td', { text: SY.formatDateTime(s.actedAt) }),
        el('td', { text: s.kindLabel + (s.assigneeName ? '：' + s.assigneeName : '') }),
        el('td', { text: s.note }), el('td', { text: s.actedBy })));
    });
    var labels = { verify: '核实', rectify: '整改', reply: '回复群众' };
    var next = document.getElementById('next-step-option');
    next.value = item.nextStep || '';
    next.textContent = item.nextStep ? labels[item.nextStep] : '';
    document.getElementById('step-kind').value = next.value || 'assign';
    document.getElementById('step-section').hidden = !item.nextStep;
    document.getElementById('annul-section').hidden = item.annulment !== null;
  }

  function load() {
    SY.api('GET', '/api/rectifications/' + encodeURIComponent(ratingId)).then(function (result) {
      render(result.data);
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  }

  SY.ready(function () {
    var error = document.getElementById('form-error');
    var kind = document.getElementById('step-kind');
    kind.addEventListener('change', function () {
      document.getElementById('assignee-label').hidden = kind.value !== 'assign';
    });
    document.getElementById('step-form').addEventListener('submit', function (event) {
      event.preventDefault();
      error.hidden = true;
      SY.api('POST', '/api/rectifications/' + encodeURIComponent(ratingId) + '/steps', {
        kind: kind.value, assignee: kind.value === 'assign' ? document.getElementById('step-assignee').value : null,
        note: document.getElementById('step-note').value
      }).then(function (result) {
        document.getElementById('step-note').value = '';
        render(result.data);
      }, function (e) { SY.showError(error, e); });
    });
    document.getElementById('annul-form').addEventListener('submit', function (event) {
      event.preventDefault();
      error.hidden = true;
      if (!window.confirm('作废后该评价不计入平均分和排名，且不能撤销。确认作废？')) { return; }
      SY.api('POST', '/api/ratings/' + encodeURIComponent(ratingId) + '/annulment', {
        reason: document.getElementById('annul-reason').value
      }).then(load, function (e) { SY.showError(error, e); });
    });
    load();
  });
}());
