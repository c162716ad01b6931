/* On the case page: the bundle (一件事) the case was taken in with, its derived status and its sibling cases. */
(function () {
  'use strict';
  var el = SY.el;

  function render(b, caseNo) {
    document.getElementById('bundle-name').textContent = b.bundleName;
    var link = document.getElementById('bundle-link');
    link.textContent = b.bundleNo;
    link.href = '/bundles/' + encodeURIComponent(b.bundleNo);
    document.getElementById('bundle-status').textContent = b.statusLabel;
    document.getElementById('bundle-count').textContent = '（已办结 ' + b.casesFinished + '/' + b.caseCount + '）';
    var rows = document.getElementById('bundle-cases');
    rows.textContent = '';
    b.cases.forEach(function (c) {
      var number = c.caseNo === caseNo ? el('strong', { text: c.caseNo + '（本件）' })
        : el('a', { href: '/cases/' + encodeURIComponent(c.caseNo), text: c.caseNo });
      rows.appendChild(el('tr', {}, el('td', {}, number), el('td', { text: c.matterName }),
        el('td', { text: c.statusLabel })));
    });
    document.getElementById('bundle').hidden = false;
  }

  /** Loads the bundle of the page's case; case.js calls it once the session is ready. */
  function load() {
    var caseNo = SY.lastPathSegment();
    SY.api('GET', '/api/cases/' + encodeURIComponent(caseNo) + '/bundle').then(function (result) {
      if (result.data.bundle) { render(result.data.bundle, caseNo); }
    }, function () { /* case.js shows the error of the case itself */ });
  }

  window.SY.caseBundle = { load: load };
}());
