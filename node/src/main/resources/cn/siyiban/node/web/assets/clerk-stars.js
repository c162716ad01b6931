/* The point's clerks with the average and count of their ratings, best first. */
(function () {
  'use strict';

  var el = SY.el;

  /** Returns five stars, filled to the nearest whole level of {@code average}. */
  function stars(average) {
    var filled = Math.round(average || 0);
    return '★★★★★'.substring(0, filled) + '☆☆☆☆☆'.substring(0, 5 - filled);
  }

  SY.ready(function () {
    SY.api('GET', '/api/clerk-stars').then(function (result) {
      var list = document.getElementById('clerk-stars');
      if (result.data.length === 0) {
        list.appendChild(el('li', { text: '本服务点暂无工作人员' }));
      }
      result.data.forEach(function (clerk) {
        var figure = clerk.count === 0 ? '暂无评价'
          : clerk.average.toFixed(1) + ' 分，共 ' + clerk.count + ' 条评价';
        list.appendChild(el('li', { className: 'clerk-star', 'data-username': clerk.username },
          el('strong', { text: clerk.displayName }), ' ', el('span', { className: 'muted', text: clerk.roleLabel }),
          el('div', { className: 'stars', text: clerk.count === 0 ? '' : stars(clerk.average) }),
          el('div', { className: 'figure', text: figure })));
      });
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  });
}());
