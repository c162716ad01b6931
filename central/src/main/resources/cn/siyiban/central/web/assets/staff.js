/* Staff accounts: list, create, reset a password, disable and enable. Every change is audited at central. */
(function () {
  'use strict';
  var el = SY.el;
  var accounts = [];

  function showResult(text) {
    var box = document.getElementById('staff-result');
    box.textContent = text;
    box.hidden = false;
  }

  function resetPassword(a) {
    var password = window.prompt('为 ' + a.displayName + '（' + a.username + '）设置临时密码（8到72个字符），请当面告知本人：');
    if (password === null) { return; }
    SY.api('POST', '/api/staff/' + encodeURIComponent(a.username) + '/password', { password: password }).then(function (result) {
      showResult(result.data.message);
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  }

  function setEnabled(a, enabled) {
    var question = enabled ? '恢复账号 ' + a.username + '？' : '停用账号 ' + a.username + '？停用后该账号在县级中心立即无法登录，节点在下次同步后生效。';
    if (!window.confirm(question)) { return; }
    SY.api('POST', '/api/staff/' + encodeURIComponent(a.username) + (enabled ? '/enable' : '/disable'), {}).then(function () {
      showResult((enabled ? '已恢复账号 ' : '已停用账号 ') + a.username);
      load();
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  }

  function render() {
    var body = document.getElementById('staff-rows');
    body.textContent = '';
    accounts.forEach(function (a) {
      var reset = el('button', { type: 'button', text: '重置密码' });
      reset.addEventListener('click', function () { resetPassword(a); });
      var toggle = el('button', { type: 'button', text: a.enabled ? '停用' : '恢复' });
      toggle.addEventListener('click', function () { setEnabled(a, !a.enabled); });
      body.appendChild(el('tr', { 'data-username': a.username },
        el('td', { text: a.username }),
        el('td', { text: a.displayName }),
        el('td', { text: a.roleLabel }),
        el('td', { text: a.pointCode ? (a.pointName || '') + '（' + a.pointCode + '）' : '—' }),
        el('td', { text: a.department || '—' }),
        el('td', { className: a.enabled ? 'status-ok' : 'status-disabled', text: a.enabled ? '正常' : '已停用' }),
        el('td', {}, reset, ' ', toggle)));
    });
  }

  function load() {
    var q = document.getElementById('search-q').value.trim();
    SY.api('GET', '/api/staff' + (q ? '?q=' + encodeURIComponent(q) : '')).then(function (result) {
      accounts = result.data;
      render();
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  }

  function roleChanged() {
    var role = document.getElementById('s-role').value;
    var needsPoint = role === 'village_clerk' || role === 'township_clerk' || role === 'technician';
    document.getElementById('s-point-field').hidden = !needsPoint;
    document.getElementById('s-department-field').hidden = role !== 'reviewer';
  }

  function loadPoints() {
    SY.api('GET', '/api/points').then(function (result) {
      var list = document.getElementById('point-list');
      result.data.forEach(function (p) {
        list.appendChild(el('option', { value: p.code, text: p.name + (p.parentName ? '（' + p.parentName + '）' : '') }));
      });
    }, function () { /* The datalist is a convenience; typing the code still works. */ });
  }

  function create(event) {
    event.preventDefault();
    var errors = document.getElementById('staff-errors');
    errors.hidden = true;
    var role = document.getElementById('s-role').value;
    var body = {
      username: document.getElementById('s-username').value.trim(),
      displayName: document.getElementById('s-display-name').value.trim(),
      role: role,
      pointCode: document.getElementById('s-point-field').hidden ? null : document.getElementById('s-point').value.trim(),
      department: role === 'reviewer' ? document.getElementById('s-department').value.trim() : null,
      password: document.getElementById('s-password').value
    };
    SY.api('POST', '/api/staff', body).then(function (result) {
      document.getElementById('staff-form').reset();
      roleChanged();
      showResult('已新建账号 ' + result.data.username + '，请将临时密码当面告知本人。');
      load();
    }, function (e) {
      var details = e.details || {};
      errors.textContent = Object.keys(details).length
        ? Object.keys(details).map(function (k) { return details[k]; }).join('；') : e.message;
      errors.hidden = false;
    });
  }

  SY.ready(function () {
    document.getElementById('search-form').addEventListener('submit', function (event) {
      event.preventDefault();
      load();
    });
    document.getElementById('s-role').addEventListener('change', roleChanged);
    document.getElementById('staff-form').addEventListener('submit', create);
    roleChanged();
    loadPoints();
    load();
  });
}());
