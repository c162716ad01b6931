/* Registration tokens: pick a village or township, issue a token shown once, list and revoke. */
(function () {
  'use strict';
  var el = SY.el;
  var points = [];
  var chosen = null;

  function label(p) {
    return p.name + '（' + p.code + (p.parentName && p.level === 'village' ? '，' + p.parentName : '') + '）';
  }

  function fillPoints() {
    var needle = document.getElementById('point-filter').value.trim();
    var select = document.getElementById('point-select');
    select.textContent = '';
    points.filter(function (p) {
      return !needle || p.name.indexOf(needle) >= 0 || p.code.indexOf(needle) >= 0
        || (p.parentName && p.parentName.indexOf(needle) >= 0);
    }).forEach(function (p) {
      select.appendChild(el('option', { value: p.code, text: (p.level === 'township' ? '【镇】' : '') + label(p) }));
    });
    if (chosen) { select.value = chosen.code; }
  }

  function choose(code) {
    chosen = points.filter(function (p) { return p.code === code; })[0] || null;
    document.getElementById('point-chosen').textContent = chosen
      ? '当前站点：' + label(chosen) + '，' + chosen.levelLabel : '尚未选择站点';
    document.getElementById('issued').hidden = true;
    loadTokens();
  }

  function usage(t) {
    if (t.usedAt) { return SY.formatDateTime(t.usedAt) + ' 由 ' + (t.usedFrom || '未知地址') + ' 使用'; }
    if (t.revokedAt) { return SY.formatDateTime(t.revokedAt) + ' 作废'; }
    return '';
  }

  function loadTokens() {
    var body = document.getElementById('token-rows');
    body.textContent = '';
    if (!chosen) { return; }
    SY.api('GET', '/api/registrations?point=' + encodeURIComponent(chosen.code)).then(function (result) {
      if (result.data.length === 0) {
        body.appendChild(el('tr', {}, el('td', { colspan: '6', className: 'muted', text: '本站点还没有签发过令牌' })));
      }
      result.data.forEach(function (t) {
        body.appendChild(el('tr', {},
          el('td', { text: t.purposeLabel }),
          el('td', { text: t.issuedBy }),
          el('td', { text: SY.formatDateTime(t.issuedAt) }),
          el('td', { text: SY.formatDateTime(t.expiresAt) }),
          el('td', { text: t.stateLabel }),
          el('td', { text: usage(t) })));
      });
    }, function (e) { SY.showError(document.getElementById('action-error'), e); });
  }

  function needPoint() {
    if (chosen) { return true; }
    SY.showError(document.getElementById('action-error'), { message: '请先在上方列表中选择站点' });
    return false;
  }

  function issue(event) {
    event.preventDefault();
    document.getElementById('action-error').hidden = true;
    if (!needPoint()) { return; }
    var purpose = document.querySelector('input[name=purpose]:checked').value;
    SY.api('POST', '/api/registrations', { point: chosen.code, purpose: purpose }).then(function (result) {
      var t = result.data;
      document.getElementById('issued-point').textContent = t.pointName + '（' + t.point + '）· ' + t.purposeLabel;
      document.getElementById('issued-token').textContent = t.token;
      document.getElementById('issued-expiry').textContent = '有效期至 ' + SY.formatDateTime(t.expiresAt)
        + '。离开本页后无法再次查看此令牌。';
      document.getElementById('issued').hidden = false;
      loadTokens();
    }, function (e) { SY.showError(document.getElementById('action-error'), e); });
  }

  function revoke() {
    document.getElementById('action-error').hidden = true;
    if (!needPoint()) { return; }
    if (!window.confirm('确认作废“' + chosen.name + '”所有未使用的注册令牌？')) { return; }
    SY.api('POST', '/api/registrations/revoke', { point: chosen.code }).then(function (result) {
      document.getElementById('issued').hidden = true;
      window.alert('已作废 ' + result.data.revoked + ' 个令牌');
      loadTokens();
    }, function (e) { SY.showError(document.getElementById('action-error'), e); });
  }

  SY.ready(function () {
    document.getElementById('point-filter').addEventListener('input', fillPoints);
    document.getElementById('point-select').addEventListener('change', function (event) {
      choose(event.target.value);
    });
    document.getElementById('issue-form').addEventListener('submit', issue);
    document.getElementById('revoke-button').addEventListener('click', revoke);
    document.getElementById('print-token').addEventListener('click', function () { window.print(); });
    SY.api('GET', '/api/points').then(function (result) {
      points = result.data;
      fillPoints();
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  });
}());
