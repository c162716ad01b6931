/* The printable intake receipt (受理回执) handed to the applicant. */
(function () {
  'use strict';
  var el = SY.el;

  /** Keeps the first 6 and last 4 characters: the receipt leaves the office with the applicant. */
  function maskId(value) {
    return value && value.length >= 10 ? value.substr(0, 6) + new Array(value.length - 9).join('*')
      + value.substr(value.length - 4) : '****';
  }

  function maskPhone(value) {
    return value && value.length >= 8 ? value.substr(0, 3) + '****' + value.substr(value.length - 4) : '****';
  }

  function set(id, text) { document.getElementById(id).textContent = text; }

  function materialList(id, materials, status) {
    var list = document.getElementById(id);
    var chosen = materials.filter(function (m) { return m.status === status; });
    chosen.forEach(function (m) { list.appendChild(el('li', { text: m.name })); });
    if (chosen.length === 0) { list.appendChild(el('li', { className: 'none', text: '无' })); }
  }

  SY.ready(function () {
    var caseNo = SY.lastPathSegment();
    SY.api('GET', '/api/cases/' + encodeURIComponent(caseNo)).then(function (result) {
      var c = result.data;
      set('receipt-point', c.originPointName);
      set('receipt-case-no', c.caseNo);
      document.getElementById('receipt-code').src = '/api/case-codes/' + encodeURIComponent(c.caseNo);
      set('receipt-matter', c.matterName);
      set('receipt-department', c.department);
      set('receipt-applicant', c.applicant.name);
      set('receipt-id', c.applicant.idTypeLabel + ' ' + maskId(c.applicant.idNumber));
      set('receipt-phone', maskPhone(c.applicant.phone));
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
