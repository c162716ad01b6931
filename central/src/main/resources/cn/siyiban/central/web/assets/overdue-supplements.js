/* Cases past their 容缺 supplement deadline, each with a termination form. */
(function () {
  'use strict';
  var el = SY.el;

  function terminate(c, input, button) {
    if (!window.confirm('确认终止办件 ' + c.caseNo + '？终止后不能恢复。')) { return; }
    button.disabled = true;
    SY.api('POST', '/api/cases/' + encodeURIComponent(c.caseNo) + '/termination', { comment: input.value.trim() })
      .then(function () {
        var done = document.getElementById('action-done');
        done.textContent = '办件 ' + c.caseNo + ' 已终止办理。';
        done.hidden = false;
        load();
      }, function (e) {
        button.disabled = false;
        SY.showError(document.getElementById('page-error'), e);
      });
  }

  function row(c) {
    var input = el('input', { maxlength: '500', placeholder: '终止理由（可不填）' });
    var button = el('button', { type: 'button', text: '终止' });
    button.addEventListener('click', function () { terminate(c, input, button); });
    return el('tr', {},
      el('td', {}, el('a', { href: '/cases/' + encodeURIComponent(c.caseNo), text: c.caseNo })),
      el('td', { text: c.originPointName }),
      el('td', { text: c.matterName }),
      el('td', { text: c.applicantName }),
      el('td', { text: SY.formatDate(c.supplementDue) }),
      el('td', { text: c.stillMissing.join('、') }),
      el('td', { text: c.statusLabel }),
      el('td', { className: 'terminate' }, input, button));
  }

  function load() {
    SY.api('GET', '/api/workflows/overdue-supplements').then(function (result) {
      var body = document.getElementById('case-rows');
      body.textContent = '';
      if (result.data.length === 0) {
        body.appendChild(el('tr', {}, el('td', { colspan: '8', className: 'muted', text: '没有逾期未补齐材料的办件' })));
      }
      result.data.forEach(function (c) { body.appendChild(row(c)); });
      document.getElementById('case-count').textContent = '共 ' + result.data.length + ' 件';
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  }

  SY.ready(load);
}());
