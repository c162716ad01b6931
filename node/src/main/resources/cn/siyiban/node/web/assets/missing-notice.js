/* The printable 容缺受理通知书, one copy for the applicant and one for the point's archive. */
(function () {
  'use strict';
  var el = SY.el;
  var COPIES = ['第一联　申请人留存', '第二联　受理点存档'];

  function notice(c, copyLabel) {
    var rows = el('tbody');
    c.stillMissing.forEach(function (m, i) {
      rows.appendChild(el('tr', null, el('td', { text: String(i + 1) }), el('td', { text: m.name }),
        el('td', { text: '提交原件或加盖公章的复印件' })));
    });
    var due = SY.forms.chineseDate(c.supplementDue);
    return el('section', { className: 'receipt notice' },
      SY.forms.header('泗阳县政务服务容缺受理通知书', copyLabel, c.caseNo),
      el('p', { className: 'copy-label', text: '事项编码：' + c.matterCode }),
      el('p', null, el('span', { className: 'underline', text: c.applicant.name }), '：'),
      el('p', { className: 'indent' }, '您申请办理的“' + c.matterName + '”（承办部门：' + c.department
        + '），主要申请材料齐全，因下列非关键材料暂缺，本服务点已于' + SY.forms.chineseDate(c.createdAt)
        + '按容缺受理方式先行受理。'),
      el('table', { className: 'missing-items' },
        el('thead', null, el('tr', null, el('th', { text: '序号' }), el('th', { text: '待补齐材料' }),
          el('th', { text: '补齐方式' }))),
        rows),
      el('p', { className: 'indent' }, '补齐期限：请于', el('strong', { className: 'supplement-due', text: due }),
        '前补齐上述材料。'),
      el('p', { className: 'indent', text: '补齐地点：泗阳县任一镇（街道）便民服务中心或村（社区）便民服务站均可收取'
        + '（全县通办），请携带本通知书，工作人员扫描二维码或录入办件编号后登记。' }),
      el('p', { className: 'indent', text: '逾期后果：逾期未补齐的，承办部门可终止办理本申请，'
        + '已提交的材料予以退还，您需要重新提出申请。' }),
      el('p', { className: 'indent', text: '受理点：' + c.originPointName + '　受理人：' + c.intakeClerkName }),
      el('p', { className: 'signature', text: '申请人签字：＿＿＿＿＿＿＿＿　　受理人签字：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿＿＿' }));
  }

  SY.ready(function () {
    var caseNo = SY.lastPathSegment();
    SY.api('GET', '/api/cases/' + encodeURIComponent(caseNo)).then(function (result) {
      var c = result.data;
      document.getElementById('case-link').href = '/cases/' + encodeURIComponent(c.caseNo);
      if (!c.stillMissing || c.stillMissing.length === 0) {
        document.getElementById('nothing-missing').hidden = false;
        return;
      }
      var copies = document.getElementById('copies');
      COPIES.forEach(function (label) { copies.appendChild(notice(c, label)); });
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
    document.getElementById('print').addEventListener('click', function () { window.print(); });
  });
}());
