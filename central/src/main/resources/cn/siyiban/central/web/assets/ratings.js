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

  /* The page of items shown, counted from 1, and the number of items the list API returns a page. */
  var page = 1;
  var PAGE_SIZE = 50;

  function renderPager(list) {
    var pages = Math.max(1, Math.ceil(list.total / list.size));
    document.getElementById('page-line').textContent = '第 ' + list.page + ' / ' + pages + ' 页，共 '
      + list.total + ' 件';
    document.getElementById('previous-page').disabled = list.page <= 1;
    document.getElementById('next-page').disabled = list.page >= pages;
  }

  function loadItems() {
    var openOnly = document.getElementById('open-only').checked;
    SY.api('GET', '/api/rectifications?page=' + page + '&size=' + PAGE_SIZE + (openOnly ? '&status=open' : ''))
      .then(function (result) {
        renderItems(result.data.items);
        renderPager(result.data);
      }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  }

  function load() {
    SY.api('GET', '/api/ratings/summary').then(function (result) { renderSummary(result.data); },
      function (e) { SY.showError(document.getElementById('page-error'), e); });
    loadItems();
  }

  function turnPage(step) {
    page += step;
    document.getElementById('previous-page').disabled = true;
    document.getElementById('next-page').disabled = true;
    loadItems();
  }

  SY.ready(function () {
    document.getElementById('open-only').addEventListener('change', function () {
      page = 1;
      loadItems();
    });
    document.getElementById('previous-page').addEventListener('click', function () { turnPage(-1); });
    document.getElementById('next-page').addEventListener('click', function () { turnPage(1); });
    load();
  });
}());
