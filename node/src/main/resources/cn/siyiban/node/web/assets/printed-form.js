/*
 * The printed forms other than the receipt and the 容缺 notice: 委托书 (proxy cases), 告知承诺书
 * (materials replaced by a commitment), 补正材料通知书 (after the department's request has
 * synced) and 办结通知 (once the department has decided). The path /forms/{kind}/{caseNo} picks one.
 */
(function () {
  'use strict';
  var el = SY.el;

  function para(text) { return el('p', { className: 'indent', text: text }); }

  function signatures(first, second) {
    return el('p', { className: 'signature', text: first + '签字：＿＿＿＿＿＿＿＿　　' + second
      + '签字：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿＿＿' });
  }

  function numbered(names) {
    var list = el('ol', { className: 'form-items' });
    names.forEach(function (name) { list.appendChild(el('li', { text: name })); });
    return list;
  }

  /** Returns the latest event of one of the given types, or null. */
  function latest(c, types) {
    var found = c.events.filter(function (e) { return types.indexOf(e.type) >= 0; });
    return found.length ? found[found.length - 1] : null;
  }

  /* The signed documents keep the full ID number, because the point files them as the applicant's declaration. */
  function applicantLine(c) {
    return el('p', null, '申请人：', el('span', { className: 'underline', text: c.applicant.name }),
      '　' + c.applicant.idTypeLabel + '：' + c.applicant.idNumber + '　联系电话：' + c.applicant.phone);
  }

  var FORMS = {
    proxy: {
      title: '泗阳县政务服务帮办代办委托书',
      notApplicable: '本办件不是代办件，无需打印委托书。',
      applies: function (c) { return c.proxy; },
      build: function (c) {
        return [
          el('p', null, '委托人：', el('span', { className: 'underline', text: c.applicant.name }),
            '　' + c.applicant.idTypeLabel + '：' + c.applicant.idNumber),
          el('p', null, '联系电话：' + c.applicant.phone + '　住址：' + (c.applicant.address || '')),
          el('p', null, '受托人：', el('span', { className: 'underline', text: c.intakeClerkName }),
            '（' + c.originPointName + '帮办代办员）'),
          para('本人自愿委托上述帮办代办员代为办理“' + c.matterName + '”（承办部门：' + c.department
            + '），委托事项包括：代为提交申请材料、跟踪办理进度、代为领取办理结果并送达本人。'),
          para('帮办代办服务全程免费，受托人不收取任何费用。本人保证所提供材料真实、有效，'
            + '受托人不得将材料和个人信息用于代办以外的用途。'),
          para('办理步骤：委托、受理、办理、送达、归档、回访，每一步由代办员在系统中登记办理人和时间，'
            + '本人可凭办件编号查询。'),
          para('委托期限：自签字之日起至办理结果送达本人止。'),
          signatures('委托人', '受托人')
        ];
      }
    },
    commitment: {
      title: '泗阳县政务服务告知承诺书',
      notApplicable: '本办件没有以承诺代替的材料，无需打印告知承诺书。',
      applies: function (c) { return c.materials.some(function (m) { return m.status === 'committed'; }); },
      build: function (c) {
        var committed = c.materials.filter(function (m) { return m.status === 'committed'; })
          .map(function (m) { return m.name; });
        return [
          applicantLine(c),
          para('一、告知事项。您申请办理的“' + c.matterName + '”（承办部门：' + c.department
            + '），下列证明材料可以用书面承诺代替，本次免于提交：'),
          numbered(committed),
          para('二、申请人承诺。本人承诺上述材料所证明的事项真实、准确，符合办理条件；'
            + '同意承办部门依法对承诺内容进行核查，并配合核查。'),
          para('三、虚假承诺的后果。经核查承诺不实的，承办部门将依法撤销办理结果，'
            + '并将虚假承诺记入申请人信用记录；记录期间本人在全县各服务点办事不再适用告知承诺和容缺受理；'
            + '构成违法的，依法承担法律责任。'),
          para('本承诺书一式两份，申请人和受理点各留存一份。'),
          signatures('承诺人', '受理人')
        ];
      }
    },
    'supplement-request': {
      title: '泗阳县政务服务补正材料通知书',
      notApplicable: '承办部门没有要求补正材料，或补正要求尚未同步到本服务点，暂不能打印补正材料通知书。',
      applies: function (c) { return latest(c, ['supplement_requested']) !== null; },
      build: function (c) {
        var request = latest(c, ['supplement_requested']);
        var parts = [
          el('p', null, el('span', { className: 'underline', text: c.applicant.name }), '：'),
          para('您于' + SY.forms.chineseDate(c.createdAt) + '申请办理的“' + c.matterName + '”，经'
            + c.department + '于' + SY.forms.chineseDate(request.at) + '审核，需要补正下列材料：'),
          numbered(request.materials)
        ];
        if (request.comment) { parts.push(para('部门意见：' + request.comment)); }
        parts.push(
          para('补正地点：泗阳县任一镇（街道）便民服务中心或村（社区）便民服务站均可收取（全县通办），'
            + '请携带本通知书。补正材料齐全后，承办部门继续审核，办理时限自补正之日起重新计算。'),
          para('受理点：' + c.originPointName + '　联系电话请咨询受理点工作人员。'),
          signatures('申请人', '经办人'));
        return parts;
      }
    },
    result: {
      title: '泗阳县政务服务办结通知',
      notApplicable: '承办部门尚未作出办理决定，或决定尚未同步到本服务点，暂不能打印办结通知。',
      applies: function (c) { return latest(c, ['approved', 'rejected']) !== null; },
      build: function (c) {
        var decision = latest(c, ['approved', 'rejected']);
        var approved = decision.type === 'approved';
        var ready = latest(c, ['result_ready']);
        var parts = [
          el('p', null, el('span', { className: 'underline', text: c.applicant.name }), '：'),
          para('您于' + SY.forms.chineseDate(c.createdAt) + '申请办理的“' + c.matterName + '”，'
            + c.department + '已于' + SY.forms.chineseDate(decision.at) + '办结，办理结果：'),
          el('p', { className: 'result-line', text: approved ? '准予办理' : '不予批准' })
        ];
        if (decision.comment) { parts.push(para((approved ? '部门意见：' : '理由：') + decision.comment)); }
        parts.push(para(ready
          ? '办理结果已于' + SY.forms.chineseDate(ready.at) + '出具，请携带本通知和身份证件到'
            + c.originPointName + '领取；代办件由代办员送达本人。'
          : '办理结果出具后，' + c.originPointName + '工作人员将通知您领取。'));
        if (!approved) {
          parts.push(para('如对本决定不服，可以自收到本通知之日起六十日内依法申请行政复议，'
            + '或者自知道作出决定之日起六个月内依法提起行政诉讼。'));
        }
        parts.push(signatures('领取人', '经办人'));
        return parts;
      }
    }
  };

  SY.ready(function () {
    var segments = window.location.pathname.split('/');
    var form = FORMS[segments[2]];
    var caseNo = SY.lastPathSegment();
    document.getElementById('print').addEventListener('click', function () { window.print(); });
    if (!form) {
      SY.showError(document.getElementById('page-error'),
        { message: '未知的文书类型“' + segments[2] + '”，请从办件详情页的打印按钮进入' });
      return;
    }
    SY.api('GET', '/api/cases/' + encodeURIComponent(caseNo)).then(function (result) {
      var c = result.data;
      document.title = form.title + ' - 泗易办';
      document.getElementById('case-link').href = '/cases/' + encodeURIComponent(c.caseNo);
      if (!form.applies(c)) {
        var note = document.getElementById('not-applicable');
        note.textContent = form.notApplicable;
        note.hidden = false;
        return;
      }
      var section = el('section', { className: 'receipt notice printed-form' },
        SY.forms.header(form.title, '', c.caseNo));
      form.build(c).forEach(function (part) { section.appendChild(part); });
      document.getElementById('form').appendChild(section);
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  });
}());
