/* The printable intake receipt (受理回执) handed to the applicant. */
(function () {
  'use strict';
  var receipt = SY.receipt;
  var set = receipt.set;
  var materialList = receipt.materialList;

  SY.ready(function () {
    var caseNo = SY.lastPathSegment();
    SY.ratingLink.load(caseNo);
    SY.api('GET', '/api/cases/' + encodeURIComponent(caseNo)).then(function (result) {
      var c = result.data;
      set('receipt-point', c.originPointName);
      set('receipt-case-no', c.caseNo);
      document.getElementById('receipt-code').src = '/api/case-codes/' + encodeURIComponent(c.caseNo);
      set('receipt-matter', c.matterName);
      set('receipt-department', c.department);
      set('receipt-applicant', c.applicant.name);
      set('receipt-id', c.applicant.idTypeLabel + ' ' + receipt.maskId(c.applicant.idNumber));
      set('receipt-phone', receipt.maskPhone(c.applicant.phone));
      set('receipt-proxy', c.proxy ? '是（由代办员代为办理）' : '否');
      materialList('receipt-received', c.materials, 'received');
      materialList('receipt-missing', c.materials, 'missing');
      materialList('receipt-committed', c.materials, 'committed');
      set('receipt-due', SY.formatDue(c.dueAt));
      set('receipt-clerk', c.intakeClerkName);
      set('receipt-time', SY.formatDateTime(c.createdAt));
      document.getElementById('case-link').href = '/cases/' + encodeURIComponent(c.caseNo);
      document.getElementById('receipt').hidden = false;
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
    document.getElementById('print').addEventListener('click', function () { window.print(); });
  });
}());
