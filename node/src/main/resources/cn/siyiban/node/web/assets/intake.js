/* The intake form, built from the chosen matter's material list. */
(function () {
  'use strict';
  var form = SY.intake;
  var matter = null;

  /** Shows the proofs the county removed (非必要证明) and the matter's minimal lists, where it published them. */
  function showGovernance(m) {
    var list = document.getElementById('cancelled-proof-list');
    m.cancelledProofs.forEach(function (proof) {
      list.appendChild(SY.el('li', { className: 'cancelled-proof' }, proof.name + '：已取消，无需提供'
        + (proof.basis ? '（依据：' + proof.basis + '）' : '')));
    });
    document.getElementById('cancelled-proofs').hidden = m.cancelledProofs.length === 0;
    document.getElementById('minimal-materials').textContent = m.minimalMaterials.join('、') || '未公布';
    document.getElementById('minimal-steps').textContent = m.minimalSteps.join(' → ') || '未公布';
    document.getElementById('minimal-lists').hidden = m.minimalMaterials.length === 0 && m.minimalSteps.length === 0;
  }

  SY.ready(function () {
    document.getElementById('request-key').value = form.newRequestKey();
    SY.api('GET', '/api/matters/' + encodeURIComponent(SY.query('matter'))).then(function (result) {
      matter = result.data;
      document.getElementById('matter-title').textContent = matter.name;
      document.getElementById('matter-info').textContent = matter.code + ' · ' + matter.department + ' · '
        + (matter.timeClassLabel || '时限以部门审核为准');
      document.getElementById('proxy-row').hidden = !matter.proxyAllowed;
      form.renderMaterials(matter.materials);
      showGovernance(matter);
      document.getElementById('intake-form').hidden = false;
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
    form.watchApplicant();
    document.getElementById('intake-form').addEventListener('submit', form.submitter('/api/cases',
      function () { return matter.materials; },
      function () { return { matterCode: matter.code }; },
      function (saved) { window.location.href = '/receipt/' + encodeURIComponent(saved.caseNo); }));
  });
}());
