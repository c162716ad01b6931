/* The intake form, built from the chosen matter's material list. */
(function () {
  'use strict';
  var form = SY.intake;
  var matter = null;

  SY.ready(function () {
    document.getElementById('request-key').value = form.newRequestKey();
    SY.api('GET', '/api/matters/' + encodeURIComponent(SY.query('matter'))).then(function (result) {
      matter = result.data;
      document.getElementById('matter-title').textContent = matter.name;
      document.getElementById('matter-info').textContent = matter.code + ' · ' + matter.department + ' · '
        + (matter.timeClassLabel || '时限以部门审核为准');
      document.getElementById('proxy-row').hidden = !matter.proxyAllowed;
      form.renderMaterials(matter.materials);
      document.getElementById('intake-form').hidden = false;
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
    form.watchApplicant();
    document.getElementById('intake-form').addEventListener('submit', form.submitter('/api/cases',
      function () { return matter.materials; },
      function () { return { matterCode: matter.code }; },
      function (saved) { window.location.href = '/receipt/' + encodeURIComponent(saved.caseNo); }));
  });
}());
