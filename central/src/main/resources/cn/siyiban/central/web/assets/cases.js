/* The review workbench: the cases of the reviewer's departments, filtered by text and status. */
(function () {
  'use strict';
  var el = SY.el;

  function load() {
    var params = 'q=' + encodeURIComponent(document.getElementById('filter-q').value.trim())
      + '&status=' + encodeURIComponent(document.getElementById('filter-status').value);
    SY.api('GET', '/api/cases?' + params).then(function (result) {
      var body = document.getElementById('case-rows');
      body.textContent = '';
      result.data.forEach(function (c) {
        body.appendChild(el('tr', {},
          el('td', {}, el('a', { href: '/cases/' + encodeURIComponent(c.caseNo), text: c.caseNo })),
          el('td', { text: c.originPointName }),
          el('td', { text: c.matterName }),
          el('td', { text: c.applicantName }),
          el('td', { text: SY.formatDateTime(c.createdAt) }),
          el('td', { text: SY.formatDue(c.dueAt) }),
          el('td', { className: 'case-status', text: c.statusLabel })));
      });
      document.getElementById('case-count').textContent = '共 ' + result.data.length + ' 件';
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  }

  SY.ready(function () {
    var status = SY.query('status');
    if (status) { document.getElementById('filter-status').value = status; }
    document.getElementById('filter-form').addEventListener('submit', function (event) {
      event.preventDefault();
      load();
    });
    load();
  });
}());
