/*
 * Records materials handed in after a 容缺 intake. For a case of this point the page lists what
 * is still missing. A case of another point is not stored here, so the clerk picks the materials
 * of the matter named on the citizen's notice, and sync carries the supply to the origin point.
 */
(function () {
  'use strict';
  var el = SY.el;
  var caseNo = null;

  function errorBox() { return document.getElementById('page-error'); }

  function showChoices(materials) {
    var box = document.getElementById('material-choices');
    box.textContent = '';
    materials.forEach(function (m) {
      box.appendChild(el('label', { className: 'choice' },
        el('input', { type: 'checkbox', name: 'materialId', value: m.id }), ' ' + m.name));
    });
    document.getElementById('supplement-form').hidden = materials.length === 0;
    if (materials.length === 0) {
      box.appendChild(el('p', { text: '本办件没有待补齐的材料' }));
    }
  }

  function find(event) {
    event.preventDefault();
    errorBox().hidden = true;
    document.getElementById('result').hidden = true;
    caseNo = document.getElementById('case-no').value.trim();
    SY.api('GET', '/api/cases/' + encodeURIComponent(caseNo)).then(function (result) {
      document.getElementById('matter-form').hidden = true;
      showChoices(result.data.stillMissing.map(function (m) { return { id: m.materialId, name: m.name }; }));
      document.getElementById('supplement-form').hidden = result.data.stillMissing.length === 0;
    }, function (e) {
      if (e.status === 404) {
        document.getElementById('supplement-form').hidden = true;
        document.getElementById('matter-form').hidden = false;
      } else {
        SY.showError(errorBox(), e);
      }
    });
  }

  function listMatter(event) {
    event.preventDefault();
    var code = document.getElementById('matter-code').value.trim();
    SY.api('GET', '/api/matters?q=' + encodeURIComponent(code)).then(function (result) {
      var matter = result.data.filter(function (m) { return m.code === code; })[0];
      if (!matter) {
        SY.showError(errorBox(), { code: 'unknown_matter', message: '事项编码“' + code + '”不在本县事项目录中', details: {} });
        return;
      }
      showChoices(matter.materials.filter(function (m) { return m.required && !m.key; }));
    }, function (e) { SY.showError(errorBox(), e); });
  }

  function submit(event) {
    event.preventDefault();
    var ids = Array.prototype.slice.call(document.querySelectorAll('input[name=materialId]:checked'))
      .map(function (box) { return box.value; });
    SY.api('POST', '/api/supplements', { caseNo: caseNo, materialIds: ids }).then(function (result) {
      var box = document.getElementById('result');
      box.textContent = result.data.message + '（办件编号 ' + result.data.caseNo + '）';
      box.hidden = false;
      document.getElementById('supplement-form').hidden = true;
    }, function (e) { SY.showError(errorBox(), e); });
  }

  SY.ready(function () {
    document.getElementById('find-form').addEventListener('submit', find);
    document.getElementById('matter-form').addEventListener('submit', listMatter);
    document.getElementById('supplement-form').addEventListener('submit', submit);
    var preset = SY.query('case');
    if (preset) { document.getElementById('case-no').value = preset; }
  });
}());
