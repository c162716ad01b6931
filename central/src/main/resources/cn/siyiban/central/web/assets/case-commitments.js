/*
 * On the case page: verification of the materials the applicant replaced by a commitment (告知承诺),
 * the applicant's open blocks and, for county admins, clearing them.
 */
(function () {
  'use strict';
  var el = SY.el;
  var current = null;

  function url(caseNo, tail) {
    return '/api/cases/' + encodeURIComponent(caseNo) + '/' + tail;
  }

  function resultLabel(check, openIds) {
    if (!check) { return '未核查'; }
    if (check.truthful) { return '属实'; }
    return openIds.indexOf(check.blockId) >= 0 ? '不实' : '不实（限制已解除）';
  }

  function resultClass(check) {
    if (!check) { return 'muted'; }
    return check.truthful ? 'status-ok' : 'status-error';
  }

  function renderRows(materials, openIds) {
    var rows = document.getElementById('commitment-rows');
    rows.textContent = '';
    materials.forEach(function (m) {
      var c = m.check;
      var result = el('td', { className: resultClass(c), text: resultLabel(c, openIds) });
      rows.appendChild(el('tr', { 'data-material': m.materialId }, el('td', { text: m.name }), result,
        el('td', { text: c ? c.actorName : '' }), el('td', { text: c ? SY.formatDateTime(c.checkedAt) : '' }),
        el('td', { text: c && c.note ? c.note : '' })));
    });
  }

  /** Offers only the materials without a result, because each commitment is verified once. */
  function renderForm(materials) {
    var select = document.getElementById('commitment-material');
    var chosen = select.value;
    select.textContent = '';
    materials.filter(function (m) { return !m.check; }).forEach(function (m) {
      select.appendChild(el('option', { value: m.materialId, text: m.name }));
    });
    var stillOffered = Array.prototype.some.call(select.options, function (option) { return option.value === chosen; });
    if (stillOffered) { select.value = chosen; }
    document.getElementById('commitment-form').hidden = select.options.length === 0;
    resultChanged();
  }

  function renderBlocks(overview) {
    var list = document.getElementById('commitment-block-list');
    list.textContent = '';
    overview.openBlocks.forEach(function (b) {
      var where = b.caseNo === overview.caseNo ? '本办件' : '办件 ' + b.caseNo;
      list.appendChild(el('li', { text: where + '的“' + b.materialName + '”：' + b.recordedByName + ' 于 '
        + SY.formatDateTime(b.recordedAt) + ' 记录为承诺不实' }));
    });
    document.getElementById('commitment-blocked').hidden = !overview.blocked;
    document.getElementById('clear-block').hidden = !(overview.blocked && overview.canClear);
  }

  function render(overview) {
    current = overview;
    var openIds = overview.openBlocks.map(function (b) { return b.id; });
    renderRows(overview.materials, openIds);
    renderForm(overview.materials);
    renderBlocks(overview);
    document.getElementById('commitments').hidden = overview.materials.length === 0 && !overview.blocked;
  }

  function truthful() {
    return document.querySelector('input[name="commitment-result"]:checked').value === 'true';
  }

  function resultChanged() {
    document.getElementById('commitment-note-label').textContent = truthful() ? '核查说明' : '核查说明（必填）';
  }

  /** Loads the commitment state of {@code caseNo}. case.js calls it after each load of the case. */
  function load(caseNo) {
    return SY.api('GET', url(caseNo, 'commitment-checks')).then(function (result) {
      render(result.data);
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  }

  function submit(event) {
    event.preventDefault();
    var error = document.getElementById('commitment-error');
    var done = document.getElementById('commitment-done');
    var select = document.getElementById('commitment-material');
    var name = select.selectedOptions[0].textContent;
    var note = document.getElementById('commitment-note').value.trim();
    var isTrue = truthful();
    error.hidden = true;
    done.hidden = true;
    if (!isTrue && !note) {
      SY.showError(error, { message: '承诺不实时必须填写核查说明' });
      return;
    }
    if (!isTrue && !window.confirm('确认记录“' + name + '”的承诺不实？\n记录后不能修改。各受理点同步后，'
        + '该申请人在全县不能再以告知承诺代替材料，也不能容缺受理，直到县级管理员解除限制。')) {
      return;
    }
    var button = document.getElementById('commitment-button');
    button.disabled = true;
    var body = { materialId: select.value, truthful: isTrue, note: note };
    SY.api('POST', url(current.caseNo, 'commitment-checks'), body).then(function (result) {
      document.getElementById('commitment-note').value = '';
      done.textContent = result.data.truthful ? '已记录“' + name + '”的承诺属实。'
        : '已记录“' + name + '”的承诺不实，该申请人已受到限制，将同步到各受理点。';
      done.hidden = false;
      return load(current.caseNo);
    }, function (e) {
      SY.showError(error, e);
    }).then(function () { button.disabled = false; });
  }

  function clearBlocks() {
    var count = current.openBlocks.length;
    if (!window.confirm('确认解除该申请人的全部 ' + count + ' 条承诺不实限制？\n各受理点同步后，'
        + '该申请人可以再次使用告知承诺和容缺受理。核查记录会保留。')) {
      return;
    }
    var button = document.getElementById('clear-block');
    var cleared = document.getElementById('commitment-cleared');
    button.disabled = true;
    cleared.hidden = true;
    SY.api('POST', url(current.caseNo, 'commitment-block-clearance'), {}).then(function (result) {
      cleared.textContent = '已解除 ' + result.data.cleared + ' 条限制，将同步到各受理点。';
      cleared.hidden = false;
      return load(current.caseNo);
    }, function (e) {
      SY.showError(document.getElementById('commitment-error'), e);
    }).then(function () { button.disabled = false; });
  }

  // The script runs at the end of the page body, so the section's elements exist already.
  Array.prototype.forEach.call(document.querySelectorAll('input[name="commitment-result"]'), function (radio) {
    radio.addEventListener('change', resultChanged);
  });
  document.getElementById('commitment-form').addEventListener('submit', submit);
  document.getElementById('clear-block').addEventListener('click', clearBlocks);

  window.SY.caseCommitments = { load: load };
}());
