/* Staff accounts: list, create, change role and point, reset a password, disable and enable. Every change is audited at central. */
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
      var assign = el('button', { type: 'button', className: 'assign', text: '调整角色和网点' });
      assign.addEventListener('click', function () { openAssignment(a); });
      body.appendChild(el('tr', { 'data-username': a.username },
        el('td', { text: a.username }),
        el('td', { text: a.displayName }),
        el('td', { text: a.roleLabel }),
        el('td', { text: a.pointCode ? (a.pointName || '') + '（' + a.pointCode + '）' : '—' }),
        el('td', { text: a.department || '—' }),
        el('td', { className: a.enabled ? 'status-ok' : 'status-disabled', text: a.enabled ? '正常' : '已停用' }),
        el('td', {}, reset, ' ', toggle, ' ', assign)));
    });
  }

  function load() {
    var q = document.getElementById('search-q').value.trim();
    SY.api('GET', '/api/staff' + (q ? '?q=' + encodeURIComponent(q) : '')).then(function (result) {
      accounts = result.data;
      render();
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  }

  /** Shows the point or department field of a form as its role select needs them; prefix is 's' or 'a'. */
  function showRoleFields(prefix) {
    var role = document.getElementById(prefix + '-role').value;
    var needsPoint = role === 'village_clerk' || role === 'township_clerk' || role === 'technician';
    document.getElementById(prefix + '-point-field').hidden = !needsPoint;
    document.getElementById(prefix + '-department-field').hidden = role !== 'reviewer';
  }

  function roleChanged() { showRoleFields('s'); }

  function openAssignment(a) {
    var form = document.getElementById('assign-form');
    document.getElementById('a-username').value = a.username;
    document.getElementById('a-role').value = a.role;
    document.getElementById('a-point').value = a.pointCode || '';
    document.getElementById('a-department').value = a.department || '';
    document.getElementById('assign-errors').hidden = true;
    showRoleFields('a');
    form.hidden = false;
    form.scrollIntoView();
  }

  function showFieldErrors(box, e) {
    var details = e.details || {};
    box.textContent = Object.keys(details).length
      ? Object.keys(details).map(function (k) { return details[k]; }).join('；') : e.message;
    box.hidden = false;
  }

  function assign(event) {
    event.preventDefault();
    var errors = document.getElementById('assign-errors');
    errors.hidden = true;
    var username = document.getElementById('a-username').value;
    var role = document.getElementById('a-role').value;
    var body = {
      role: role,
      pointCode: document.getElementById('a-point-field').hidden ? null : document.getElementById('a-point').value.trim(),
      department: role === 'reviewer' ? document.getElementById('a-department').value.trim() : null
    };
    var typed = window.prompt('调整后，原网点节点上的账号 ' + username + ' 将被停用。请输入该用户名以确认：');
    if (typed === null) { return; }
    body.confirm = typed.trim();
    SY.api('POST', '/api/staff/' + encodeURIComponent(username) + '/assignment', body).then(function (result) {
      document.getElementById('assign-form').hidden = true;
      showResult('已调整账号 ' + result.data.username + '：' + result.data.roleLabel
        + (result.data.pointName ? '，' + result.data.pointName : ''));
      load();
    }, function (e) { showFieldErrors(errors, e); });
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
    }, function (e) { showFieldErrors(errors, e); });
  }

  SY.ready(function () {
    document.getElementById('search-form').addEventListener('submit', function (event) {
      event.preventDefault();
      load();
    });
    document.getElementById('s-role').addEventListener('change', roleChanged);
    document.getElementById('staff-form').addEventListener('submit', create);
    document.getElementById('a-role').addEventListener('change', function () { showRoleFields('a'); });
    document.getElementById('assign-form').addEventListener('submit', assign);
    document.getElementById('assign-cancel').addEventListener('click', function () {
      document.getElementById('assign-form').hidden = true;
    });
    roleChanged();
    loadPoints();
    load();
  });
}());
