/* The reminder outbox of node and central: counts per state, the latest reminders, and retrying a failed one. */
(function () {
  'use strict';
  var el = SY.el;

  function retryButton(reminder) {
    if (reminder.state !== 'failed') { return el('td', {}); }
    var button = el('button', { type: 'button', className: 'link', text: '重新发送' });
    button.addEventListener('click', function () {
      SY.api('POST', '/api/reminders/' + encodeURIComponent(reminder.id) + '/retry', {}).then(load,
        function (e) { SY.showError(document.getElementById('page-error'), e); });
    });
    return el('td', {}, button);
  }

  function load() {
    var state = document.getElementById('filter-state').value;
    SY.api('GET', '/api/reminders' + (state ? '?state=' + encodeURIComponent(state) : '')).then(function (result) {
      var counts = result.data.counts;
      document.getElementById('reminder-counts').textContent = '待发送 ' + counts.pending + ' 条，发送中 '
        + counts.sending + ' 条，已发送 ' + counts.sent + ' 条，发送失败 ' + counts.failed + ' 条';
      var body = document.getElementById('reminder-rows');
      body.textContent = '';
      result.data.reminders.forEach(function (r) {
        body.appendChild(el('tr', { 'data-state': r.state },
          el('td', { text: r.caseNo }),
          el('td', { text: r.kindLabel }),
          el('td', { text: SY.formatDate(r.targetDate) }),
          el('td', { text: r.phone }),
          el('td', { text: r.message }),
          el('td', { text: r.stateLabel }),
          el('td', { text: String(r.attempts) }),
          el('td', { text: r.sentAt ? SY.formatDateTime(r.sentAt) : '下次 ' + SY.formatDateTime(r.nextAttemptAt) }),
          el('td', { text: r.lastError || '' }),
          retryButton(r)));
      });
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  }

  SY.ready(function () {
    document.getElementById('filter-state').addEventListener('change', load);
    load();
  });
}());
