/* 好差评 overview for the county admin: counts per level, the follow-up rate and the rectification items. */
(function () {
  'use strict';
  var el = SY.el;

  function renderSummary(s) {
    document.getElementById('summary-line').textContent = '有效评价 ' + s.total + ' 条，已作废 ' + s.annulled
      + ' 条；未办结整改事项 ' + s.openItems + ' 件，其中超期 ' + s.overdueItems + ' 件。';
    var followUp = document.getElementById('follow-up-line');
    followUp.textContent = '实名差评 ' + s.realNameBad + ' 条，已回复群众 ' + s.followedUp + ' 条，回访率 '
      + (s.followUpRate === null ? '—（暂无实名差评）' : s.followUpRate.toFixed(1) + '%') + '。';
    followUp.className = s.followedUp < s.realNameBad ? 'error' : 'success';
    var levels = document.getElementById('level-rows');
    levels.textContent = '';
    s.levels.forEach(function (l) {
      levels.appendChild(el('tr', {}, el('td', { text: l.label + '（' + l.level + '）' }),
        el('td', { text: String(l.count) })));
    });
  }

  function renderItems(items) {
    var rows = document.getElementById('item-rows');
    rows.textContent = '';
    if (items.length === 0) {
      rows.appendChild(el('tr', {}, el('td', { colspan: '8', className: 'muted', text: '没有整改事项' })));
    }
    items.forEach(function (item) {
      rows.appendChild(el('tr', { 'data-rating-id': item.ratingId, className: item.overdue ? 'overdue' : '' },
        el('td', {}, el('a', { href: '/ratings/' + encodeURIComponent(item.ratingId),
          text: SY.formatDateTime(item.ratedAt) })),
        el('td', { text: item.pointName }),
        el('td', { text: item.clerkName }),
        el('td', { text: item.overallLabel }),
        el('td', { text: item.caseNo || '（无办件）' }),
        el('td', { text: item.assigneeName || '未指定' }),
        el('td', { text: SY.formatDate(item.dueOn) + (item.overdue ? '（已超期）' : '') }),
        el('td', { text: item.statusLabel })));
    });
  }

  function load() {
    var error = document.getElementById('page-error');
    SY.api('GET', '/api/ratings/summary').then(function (result) { renderSummary(result.data); },
      function (e) { SY.showError(error, e); });
    var openOnly = document.getElementById('open-only').checked;
    SY.api('GET', '/api/rectifications' + (openOnly ? '?status=open' : '')).then(function (result) {
      renderItems(result.data);
    }, function (e) { SY.showError(error, e); });
  }

  SY.ready(function () {
    document.getElementById('open-only').addEventListener('change', load);
    load();
  });
}());
