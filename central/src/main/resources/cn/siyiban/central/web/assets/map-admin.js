/* The admin's form on central's service map: a point's contact facts, coordinates and matter restriction. */
(function () {
  'use strict';

  function value(id) { return document.getElementById(id).value.trim(); }

  function number(id) { return value(id) === '' ? null : Number(value(id)); }

  function showError(e) { SY.showError(document.getElementById('page-error'), e); }

  function fill(p) {
    document.getElementById('edit-address').value = p.address || '';
    document.getElementById('edit-hours').value = p.officeHours || '';
    document.getElementById('edit-phone').value = p.phone || '';
    document.getElementById('edit-latitude').value = p.latitude === null ? '' : p.latitude;
    document.getElementById('edit-longitude').value = p.longitude === null ? '' : p.longitude;
    document.getElementById('edit-matters').value = p.matterCodes.join(',');
  }

  function load() {
    SY.api('GET', '/api/map/points').then(function (result) {
      var code = value('edit-code');
      var point = result.data.filter(function (p) { return p.code === code; })[0];
      if (point) { fill(point); } else { showError({ message: '服务点编码“' + code + '”不在本县服务网络中' }); }
    }, showError);
  }

  function save(event) {
    event.preventDefault();
    var code = encodeURIComponent(value('edit-code'));
    var matters = value('edit-matters').split(/[,，\s]+/).filter(function (m) { return m !== ''; });
    SY.api('PUT', '/api/map/points/' + code + '/details', {
      address: value('edit-address'), officeHours: value('edit-hours'), phone: value('edit-phone'),
      latitude: number('edit-latitude'), longitude: number('edit-longitude')
    }).then(function () {
      return SY.api('PUT', '/api/map/points/' + code + '/matters', { matterCodes: matters });
    }).then(function () {
      document.getElementById('edit-saved').textContent = '已保存，将同步到各服务点；刷新页面可看到更新后的列表';
    }, showError);
  }

  SY.ready(function () {
    document.getElementById('edit-load').addEventListener('click', load);
    document.getElementById('details-form').addEventListener('submit', save);
  });
}());
