/*
 * The service map page (政务服务地图), the same at every node and at central: every point of the
 * network with its contact facts, the points taking in a matter, and the points nearest to a village.
 * It reads only /api/map/*, which a node serves from replicated tables while the WAN is down.
 */
(function () {
  'use strict';
  var el = SY.el;
  var points = [];
  var byCode = {};

  function orBlank(value) { return value === null || value === undefined || value === '' ? '未填写' : String(value); }

  function coordinates(p) {
    return p.latitude === null || p.latitude === undefined ? '未测定' : p.latitude + ', ' + p.longitude;
  }

  function scope(p) { return p.restricted ? '限定 ' + p.matterCodes.length + ' 项事项' : '全科受理'; }

  function township(p) {
    var parent = p.parentCode ? byCode[p.parentCode] : null;
    return parent ? parent.name : '—';
  }

  function pointRow(p, extra) {
    var row = el('tr', { 'data-code': p.code }, el('td', { text: p.name }), el('td', { text: p.levelLabel }),
      el('td', { text: township(p) }), el('td', { text: orBlank(p.address) }), el('td', { text: orBlank(p.officeHours) }),
      el('td', { text: orBlank(p.phone) }), el('td', { text: coordinates(p) }), el('td', { text: scope(p) }));
    if (extra !== undefined) { row.appendChild(el('td', { text: extra })); }
    return row;
  }

  function fill(id, rows, columns, empty) {
    var body = document.getElementById(id);
    body.textContent = '';
    if (rows.length === 0) {
      body.appendChild(el('tr', {}, el('td', { colspan: String(columns), className: 'muted', text: empty })));
    }
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function showAll() {
    var level = document.getElementById('level-filter').value;
    var shown = points.filter(function (p) { return !level || p.level === level; });
    document.getElementById('point-count').textContent = '共 ' + shown.length + ' 个服务点';
    fill('point-rows', shown.map(function (p) { return pointRow(p); }), 8, '没有服务点');
  }

  function showMatterPoints(matter) {
    SY.api('GET', '/api/map/points?matter=' + encodeURIComponent(matter.code)).then(function (result) {
      document.getElementById('matter-points-title').textContent = '可办理“' + matter.name + '”的服务点（'
        + result.data.length + ' 个）';
      fill('matter-point-rows', result.data.map(function (p) { return pointRow(p); }), 8, '没有服务点可办理该事项');
    }, showError);
  }

  function searchMatters(event) {
    event.preventDefault();
    var q = document.getElementById('matter-q').value;
    SY.api('GET', '/api/map/matters?q=' + encodeURIComponent(q)).then(function (result) {
      fill('matter-rows', result.data.map(function (m) {
        var pick = el('button', { type: 'button', className: 'link', text: '查看服务点' });
        pick.addEventListener('click', function () { showMatterPoints(m); });
        return el('tr', { 'data-code': m.code }, el('td', { text: m.code }), el('td', { text: m.name }),
          el('td', { text: m.department || '—' }), el('td', { text: String(m.pointCount) }), el('td', {}, pick));
      }), 5, '没有找到相关事项');
    }, showError);
  }

  function nearness(n) {
    if (n.distanceKm !== null && n.distanceKm !== undefined) { return '约 ' + n.distanceKm + ' 公里'; }
    if (n.treeSteps === 0) { return '本村（社区）'; }
    if (n.treeSteps <= 2 && n.point.level !== 'county') { return '同镇（街道）'; }
    return '按服务网络层级';
  }

  function searchNearest(event) {
    event.preventDefault();
    var village = document.getElementById('village').value;
    var matter = document.getElementById('nearest-matter').value.trim();
    var url = '/api/map/nearest?village=' + encodeURIComponent(village) + (matter ? '&matter=' + encodeURIComponent(matter) : '');
    SY.api('GET', url).then(function (result) {
      fill('nearest-rows', result.data.map(function (n) { return pointRow(n.point, nearness(n)); }), 9, '没有找到服务点');
    }, showError);
  }

  function fillVillages() {
    var select = document.getElementById('village');
    points.filter(function (p) { return p.level === 'village'; }).forEach(function (p) {
      select.appendChild(el('option', { value: p.code, text: township(p) + ' · ' + p.name }));
    });
  }

  function showError(e) { SY.showError(document.getElementById('page-error'), e); }

  SY.ready(function () {
    document.getElementById('matter-form').addEventListener('submit', searchMatters);
    document.getElementById('nearest-form').addEventListener('submit', searchNearest);
    document.getElementById('level-filter').addEventListener('change', showAll);
    SY.api('GET', '/api/map/points').then(function (result) {
      points = result.data;
      points.forEach(function (p) { byCode[p.code] = p; });
      fillVillages();
      showAll();
    }, showError);
  });
}());
