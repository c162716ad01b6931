/*
 * The steps of a proxy case (帮办代办) on the case page: who recorded each step and when, and a
 * form for the next step the clerk records here (委托, 办理, 归档, 回访).
 */
(function () {
  'use strict';
  var el = SY.el;
  var caseNo = SY.lastPathSegment();
  var url = '/api/cases/' + encodeURIComponent(caseNo) + '/proxy-steps';

  function render(result) {
    var section = document.getElementById('proxy-steps');
    section.hidden = !result.proxy;
    section.setAttribute('data-loaded', '');
    if (!result.proxy) { return; }
    var list = document.getElementById('proxy-step-list');
    list.textContent = '';
    result.steps.forEach(function (s) {
      var state = s.done
        ? SY.formatDateTime(s.event.at) + '　' + s.event.pointName + ' · ' + s.event.actorName
          + (s.event.comment ? '　' + s.event.comment : '')
        : '未完成';
      list.appendChild(el('tr', { 'data-step': s.step, className: s.done ? 'step-done' : 'step-open' },
        el('th', { text: s.label }), el('td', { text: state })));
    });
    var select = document.getElementById('proxy-step');
    select.textContent = '';
    result.steps.filter(function (s) { return s.recordedHere && !s.done; }).forEach(function (s) {
      select.appendChild(el('option', { value: s.step, text: s.label }));
    });
    document.getElementById('proxy-step-form').hidden = select.options.length === 0;
  }

  function load() {
    SY.api('GET', url).then(function (result) { render(result.data); },
      function (e) { SY.showError(document.getElementById('proxy-step-error'), e); });
  }

  /** Binds the form and loads the steps; case.js calls it once the session is loaded. */
  function start() {
    document.getElementById('proxy-step-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var box = document.getElementById('proxy-step-error');
      box.hidden = true;
      SY.api('POST', url, { step: document.getElementById('proxy-step').value,
        note: document.getElementById('proxy-note').value }).then(function () {
        document.getElementById('proxy-note').value = '';
        load();
      }, function (e) { SY.showError(box, e); });
    });
    load();
  }

  SY.proxySteps = { start: start, load: load };
}());
