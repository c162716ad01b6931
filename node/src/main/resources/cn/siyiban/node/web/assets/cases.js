/* The case list with its filters. */
(function () {
  'use strict';
  var el = SY.el;

  /** Returns the cell flagging an open case as overdue or due within the warning time. */
  function dueFlag(c) {
    var cell = el('td', {});
    if (c.dueStateLabel) { cell.appendChild(el('span', { className: 'due due-' + c.dueState, text: c.dueStateLabel })); }
    return cell;
  }

  function load() {
    var params = ['q', 'from', 'to', 'matter'].map(function (name) {
      return name + '=' + encodeURIComponent(document.getElementById('filter-' + name).value.trim());
    }).join('&');
    SY.api('GET', '/api/cases?' + params).then(function (result) {
      var body = document.getElementById('case-rows');
      body.textContent = '';
      result.data.forEach(function (c) {
        body.appendChild(el('tr', {},
          el('td', {}, el('a', { href: '/cases/' + encodeURIComponent(c.caseNo), text: c.caseNo })),
          el('td', { text: c.matterName }),
          el('td', { text: c.applicantName }),
          el('td', { text: SY.formatDateTime(c.createdAt) }),
          el('td', { text: c.dueAt ? SY.formatDue(c.dueAt) : '以部门审核时限为准' }),
          dueFlag(c),
          el('td', { text: c.statusLabel })));
      });
      document.getElementById('case-count').textContent = '共 ' + result.data.length + ' 件';
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  }

  SY.ready(function () {
    document.getElementById('filter-form').addEventListener('submit', function (event) {
      event.preventDefault();
      load();
    });
    load();
  });
}());
