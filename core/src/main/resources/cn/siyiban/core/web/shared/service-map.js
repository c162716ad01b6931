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

  /** Columns of every point table; the nearest table adds 远近. */
  var POINT_COLUMNS = ['服务点', '层级', '上级', '地址', '办公时间', '联系电话', '坐标', '受理范围'];
  var LEVELS = [['', '全部'], ['county', '县级中心'], ['zone', '经开区中心'], ['subcentre', '分中心'],
    ['township', '镇（街道）便民服务中心'], ['village', '村（社区）便民服务站']];

  function table(columns, bodyId) {
    var headRow = el('tr', {});
    columns.forEach(function (name) { headRow.appendChild(el('th', { text: name })); });
    return el('table', { className: 'list' }, el('thead', {}, headRow), el('tbody', { id: bodyId }));
  }

  function field(label, control) { return el('label', {}, label + ' ', control); }

  /** Builds the page's forms and tables inside #service-map, so node and central share one layout. */
  function build(root) {
    var levelSelect = el('select', { id: 'level-filter' });
    LEVELS.forEach(function (level) { levelSelect.appendChild(el('option', { value: level[0], text: level[1] })); });
    [
      el('h1', { text: '政务服务地图' }),
      el('p', { className: 'muted', text: '服务点的地址、办公时间、电话和坐标由县级中心维护；未填写的项目显示“未填写”。'
        + '默认每个服务点都可受理全部事项（全科受理）。' }),
      el('h2', { text: '哪里可以办' }),
      el('form', { id: 'matter-form', className: 'filters' },
        field('事项', el('input', { id: 'matter-q', placeholder: '事项名称或编码，如 最低生活保障' })),
        el('button', { type: 'submit', text: '搜索事项' })),
      table(['事项编码', '事项名称', '主管部门', '可办服务点数', ''], 'matter-rows'),
      el('h3', { id: 'matter-points-title' }),
      table(POINT_COLUMNS, 'matter-point-rows'),
      el('h2', { text: '附近的服务点' }),
      el('form', { id: 'nearest-form', className: 'filters' },
        field('所在村（社区）', el('select', { id: 'village' })),
        field('事项编码（可不填）', el('input', { id: 'nearest-matter', placeholder: '如 SYM-023' })),
        el('button', { type: 'submit', text: '查找' })),
      el('p', { className: 'muted', text: '有坐标时按距离排序；没有坐标时按服务网络排序，本村和本镇（街道）的服务点在前。' }),
      table(POINT_COLUMNS.concat(['远近']), 'nearest-rows'),
      el('h2', { text: '全部服务点' }),
      el('form', { className: 'filters' }, field('层级', levelSelect), el('span', { id: 'point-count', className: 'muted' })),
      table(POINT_COLUMNS, 'point-rows')
    ].forEach(function (node) { root.appendChild(node); });
  }

  SY.ready(function () {
    build(document.getElementById('service-map'));
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
