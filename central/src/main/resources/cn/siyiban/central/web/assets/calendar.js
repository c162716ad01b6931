/* The county calendar of one year, with the admin's form for local days. */
(function () {
  'use strict';
  var el = SY.el;
  var isAdmin = false;

  function source(day) {
    return day.countyAdded ? '县里添加（' + day.source.substring('county:'.length) + '）' : day.source;
  }

  function remove(day) {
    if (!window.confirm('确认删除 ' + day.date + '（' + day.name + '）？')) { return; }
    SY.api('DELETE', '/api/calendar/days/' + encodeURIComponent(day.date)).then(load,
      function (e) { SY.showError(document.getElementById('page-error'), e); });
  }

  function row(day) {
    var action = el('td', { 'data-admin': '' });
    action.hidden = !isAdmin;
    if (day.countyAdded) {
      var button = el('button', { type: 'button', text: '删除' });
      button.addEventListener('click', function () { remove(day); });
      action.appendChild(button);
    }
    return el('tr', {}, el('td', { text: day.date }), el('td', { text: day.kindLabel }), el('td', { text: day.name }),
      el('td', { text: source(day) }), action);
  }

  function load() {
    var year = document.getElementById('year').value;
    SY.api('GET', '/api/calendar?year=' + encodeURIComponent(year)).then(function (result) {
      var body = document.getElementById('day-rows');
      body.textContent = '';
      if (result.data.days.length === 0) {
        body.appendChild(el('tr', {}, el('td', { colspan: '5', className: 'muted', text: '该年份没有放假或调休安排' })));
      }
      result.data.days.forEach(function (day) { body.appendChild(row(day)); });
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  }

  function add(event) {
    event.preventDefault();
    var error = document.getElementById('add-error');
    error.hidden = true;
    SY.api('POST', '/api/calendar/days', {
      date: document.getElementById('day-date').value,
      kind: document.getElementById('day-kind').value,
      name: document.getElementById('day-name').value
    }).then(function (result) {
      document.getElementById('year').value = result.data.date.substring(0, 4);
      document.getElementById('day-name').value = '';
      load();
    }, function (e) { SY.showError(error, e); });
  }

  SY.ready(function (staff) {
    isAdmin = staff && staff.role === 'county_admin';
    document.getElementById('year').value = String(new Date().getFullYear());
    document.getElementById('year-form').addEventListener('submit', function (event) {
      event.preventDefault();
      load();
    });
    document.getElementById('add-form').addEventListener('submit', add);
    load();
  });
}());
