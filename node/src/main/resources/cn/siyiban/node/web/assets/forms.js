/* Parts shared by the printed forms: the form header with the case number and its QR code. */
(function () {
  'use strict';
  var el = SY.el;

  /** Formats an ISO date (2026-12-18) as 2026年12月18日. */
  function chineseDate(iso) {
    if (!iso) { return ''; }
    var parts = iso.substr(0, 10).split('-');
    return parts[0] + '年' + Number(parts[1]) + '月' + Number(parts[2]) + '日';
  }

  /**
   * Builds the top of a form: the title, the copy label (第一联 …) and the case number beside
   * its QR code, which the server draws.
   */
  function header(title, copyLabel, caseNo) {
    return el('div', { className: 'form-head' },
      el('img', { className: 'case-code', src: '/api/case-codes/' + encodeURIComponent(caseNo),
        alt: '办件编号二维码' }),
      el('h1', { text: title }),
      el('p', { className: 'copy-label', text: copyLabel || '' }),
      el('p', { className: 'form-case-no' }, '办件编号：', el('span', { className: 'case-no', text: caseNo })));
  }

  SY.forms = { header: header, chineseDate: chineseDate };
}());
