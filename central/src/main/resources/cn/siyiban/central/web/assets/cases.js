/* The review workbench: the cases of the reviewer's departments, filtered by text and status. */
(function () {
  'use strict';
  var el = SY.el;

  /**
   * Returns the cell with the due flag and, where the node's clock was ahead of central's, a
   * warning that the recorded intake time is not to be trusted.
   */
  function timeFlags(c) {
    var cell = el('td', { className: 'time-flags' });
    if (c.dueStateLabel) { cell.appendChild(el('span', { className: 'due due-' + c.dueState, text: c.dueStateLabel })); }
    if (c.clockOff) {
      cell.appendChild(el('span', { className: 'clock-off', text: '受理点时钟不准',
        title: '受理时间 ' + SY.formatDateTime(c.createdAt) + '（受理点时钟），到达县中心 '
          + SY.formatDateTime(c.arrivedAt) + '（县中心时钟）；办理时限按受理点时钟计算' }));
    }
    return cell;
  }

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
          timeFlags(c),
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
