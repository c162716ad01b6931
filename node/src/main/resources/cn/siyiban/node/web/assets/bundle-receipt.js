/* The bundle (一件事) receipt, printable on A4, with the bundle's progress above it on screen. */
(function () {
  'use strict';
  var el = SY.el;
  var receipt = SY.receipt;
  var set = receipt.set;

  function caseLink(caseNo) {
    return el('a', { href: '/cases/' + encodeURIComponent(caseNo), text: caseNo });
  }

  function renderProgress(b) {
    set('progress-status', b.statusLabel);
    set('progress-count', '共 ' + b.caseCount + ' 个办件，已办结 ' + b.casesFinished + ' 个'
      + (b.casesArrived < b.caseCount ? '，另有 ' + (b.caseCount - b.casesArrived) + ' 个尚未同步到本机' : '')
      + '。全部办件办结后，一件事才算办结。');
    var rows = document.getElementById('progress-rows');
    rows.textContent = '';
    b.cases.forEach(function (c) {
      rows.appendChild(el('tr', {}, el('td', {}, caseLink(c.caseNo)), el('td', { text: c.matterName }),
        el('td', { text: c.statusLabel })));
    });
    document.getElementById('progress').hidden = false;
  }

  function renderReceipt(b) {
    set('receipt-bundle-no', b.bundleNo);
    document.getElementById('receipt-code').src = '/api/bundle-codes/' + encodeURIComponent(b.bundleNo);
    set('receipt-bundle-name', b.bundleName);
    set('receipt-point', b.originPointName);
    if (b.applicant) {
      set('receipt-applicant', b.applicant.name);
      set('receipt-id', b.applicant.idTypeLabel + ' ' + receipt.maskId(b.applicant.idNumber));
      set('receipt-phone', receipt.maskPhone(b.applicant.phone));
    }
    set('receipt-proxy', b.proxy ? '是（由代办员代为办理）' : '否');
    receipt.materialList('receipt-received', b.materials, 'received');
    receipt.materialList('receipt-missing', b.materials, 'missing');
    receipt.materialList('receipt-committed', b.materials, 'committed');
    set('receipt-clerk', b.intakeClerkName);
    set('receipt-time', SY.formatDateTime(b.createdAt));
    var rows = document.getElementById('receipt-cases');
    rows.textContent = '';
    b.cases.forEach(function (c) {
      rows.appendChild(el('tr', {}, el('td', { className: 'case-no', text: c.caseNo }),
        el('td', { text: c.matterName }), el('td', { text: c.department || '' }),
        el('td', { text: SY.formatDue(c.dueAt) })));
    });
    document.getElementById('receipt').hidden = false;
  }

  SY.ready(function () {
    SY.api('GET', '/api/bundle-submissions/' + encodeURIComponent(SY.lastPathSegment())).then(function (result) {
      renderProgress(result.data);
      renderReceipt(result.data);
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
    document.getElementById('print').addEventListener('click', function () { window.print(); });
  });
}());
