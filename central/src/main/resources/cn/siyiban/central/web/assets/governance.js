/* Catalogue governance: idle matters, suspension and approved reactivation, removed proofs, minimal lists. */
(function () {
  'use strict';
  var el = SY.el;
  var matters = [];
  var pending = null;

  function showError(e) { SY.showError(document.getElementById('page-error'), e); }

  function renderMatters() {
    var idleOnly = document.getElementById('idle-only').checked;
    var body = document.getElementById('matter-rows');
    body.textContent = '';
    matters.filter(function (m) { return !idleOnly || m.idle; }).forEach(function (m) {
      var action = el('button', { type: 'button', className: 'link', text: m.suspended ? '批准恢复' : '暂停' });
      action.addEventListener('click', function () { askDecision(m); });
      body.appendChild(el('tr', { 'data-code': m.code }, el('td', { text: m.code }), el('td', { text: m.name }),
        el('td', { text: m.department || '—' }),
        el('td', { text: m.lastApplication ? SY.formatDate(m.lastApplication) : '无' }),
        el('td', { text: m.idle ? '是' : '' }), el('td', { text: m.suspended ? '已暂停' : '正常' }),
        el('td', { text: m.status ? m.status.reason + '（' + m.status.decidedBy + '）' : '' }), el('td', {}, action)));
    });
  }

  function askDecision(m) {
    pending = m;
    document.getElementById('decision-title').textContent = (m.suspended ? '批准恢复事项：' : '暂停事项：') + m.name;
    document.getElementById('decision-reason').value = '';
    document.getElementById('decision-form').hidden = false;
  }

  function decide(event) {
    event.preventDefault();
    var url = '/api/governance/matters/' + encodeURIComponent(pending.code) + (pending.suspended ? '/reactivate' : '/suspend');
    SY.api('POST', url, { reason: document.getElementById('decision-reason').value }).then(function () {
      document.getElementById('decision-form').hidden = true;
      loadMatters();
    }, showError);
  }

  function loadMatters() {
    SY.api('GET', '/api/governance/matters').then(function (result) { matters = result.data; renderMatters(); }, showError);
  }

  function loadProofs() {
    SY.api('GET', '/api/governance/cancelled-proofs').then(function (result) {
      var body = document.getElementById('proof-rows');
      body.textContent = '';
      result.data.forEach(function (p) {
        var remove = el('button', { type: 'button', className: 'link', text: '删除' });
        remove.addEventListener('click', function () {
          SY.api('DELETE', '/api/governance/cancelled-proofs/' + encodeURIComponent(p.id)).then(loadProofs, showError);
        });
        body.appendChild(el('tr', {}, el('td', { text: p.name }), el('td', { text: p.matterCode || '全部事项' }),
          el('td', { text: p.basis || '' }), el('td', { text: p.updatedBy }), el('td', {}, remove)));
      });
    }, showError);
  }

  function addProof(event) {
    event.preventDefault();
    SY.api('POST', '/api/governance/cancelled-proofs', {
      name: document.getElementById('proof-name').value,
      matterCode: document.getElementById('proof-matter').value,
      basis: document.getElementById('proof-basis').value
    }).then(function () { document.getElementById('proof-form').reset(); loadProofs(); }, showError);
  }

  function lines(id) { return document.getElementById(id).value.split('\n'); }

  function loadMinimal() {
    var code = document.getElementById('minimal-matter').value.trim();
    SY.api('GET', '/api/governance/matters/' + encodeURIComponent(code) + '/minimal').then(function (result) {
      document.getElementById('minimal-materials').value = result.data.materials.join('\n');
      document.getElementById('minimal-steps').value = result.data.steps.join('\n');
    }, showError);
  }

  function saveMinimal(event) {
    event.preventDefault();
    var code = document.getElementById('minimal-matter').value.trim();
    SY.api('PUT', '/api/governance/matters/' + encodeURIComponent(code) + '/minimal',
      { materials: lines('minimal-materials'), steps: lines('minimal-steps') }).then(function () {
      document.getElementById('minimal-saved').textContent = '已保存，将同步到各服务点';
    }, showError);
  }

  SY.ready(function () {
    document.getElementById('idle-only').addEventListener('change', renderMatters);
    document.getElementById('decision-form').addEventListener('submit', decide);
    document.getElementById('decision-cancel').addEventListener('click', function () {
      document.getElementById('decision-form').hidden = true;
    });
    document.getElementById('proof-form').addEventListener('submit', addProof);
    document.getElementById('minimal-load').addEventListener('click', loadMinimal);
    document.getElementById('minimal-form').addEventListener('submit', saveMinimal);
    loadMatters();
    loadProofs();
  });
}());
