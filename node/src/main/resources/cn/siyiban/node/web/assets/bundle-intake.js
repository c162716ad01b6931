/* The bundle (一件事) intake form: one applicant, one merged material list, one submission for all matters. */
(function () {
  'use strict';
  var el = SY.el;
  var form = SY.intake;
  var bundle = null;

  function renderMatters() {
    var rows = document.getElementById('bundle-matter-rows');
    rows.textContent = '';
    bundle.matters.forEach(function (matter) {
      var time = matter.timeClassLabel ? matter.timeClassLabel
        + (matter.promisedDays ? '（' + matter.promisedDays + '个工作日）' : '') : '时限以部门审核为准';
      rows.appendChild(el('tr', {}, el('td', { text: matter.name + '（' + matter.code + '）' }),
        el('td', { text: matter.department || '' }), el('td', { text: time })));
    });
    document.getElementById('bundle-matters').hidden = false;
  }

  /** Names the matters that ask for a document, so the clerk sees why it is collected. */
  function usedBy(material) {
    return el('div', { className: 'muted used-by', text: '用于：' + material.matterNames.join('、') });
  }

  SY.ready(function () {
    document.getElementById('request-key').value = form.newRequestKey();
    SY.api('GET', '/api/bundles/' + encodeURIComponent(SY.query('bundle'))).then(function (result) {
      bundle = result.data;
      document.getElementById('bundle-title').textContent = '一件事：' + bundle.name;
      document.getElementById('bundle-info').textContent = (bundle.description || '') + ' 共 '
        + bundle.matters.length + ' 个事项，提交后每个事项生成一个办件，共用一张受理回执。';
      document.getElementById('proxy-row').hidden = !bundle.proxyAllowed;
      renderMatters();
      form.renderMaterials(bundle.materials, usedBy);
      document.getElementById('intake-form').hidden = false;
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
    form.watchApplicant();
    document.getElementById('intake-form').addEventListener('submit', form.submitter('/api/bundle-submissions',
      function () { return bundle.materials; },
      function () { return { bundleCode: bundle.code }; },
      function (saved) { window.location.href = '/bundles/' + encodeURIComponent(saved.bundleNo); }));
  });
}());
