/* Catalogue search: find a matter by name and open its intake form. */
(function () {
  'use strict';
  var el = SY.el;

  function render(matters) {
    var list = document.getElementById('matter-list');
    list.textContent = '';
    if (matters.length === 0) {
      list.appendChild(el('p', { className: 'empty', text: '没有找到相关事项，请换个关键词' }));
      return;
    }
    matters.forEach(function (matter) {
      var time = matter.timeClassLabel ? matter.timeClassLabel
        + (matter.promisedDays ? '（' + matter.promisedDays + '个工作日）' : '') : '时限以部门审核为准';
      list.appendChild(el('div', { className: 'matter' },
        el('div', { className: 'matter-name', text: matter.name }),
        el('div', { className: 'matter-meta', text: matter.code + ' · ' + matter.department + ' · ' + time
          + (matter.proxyAllowed ? ' · 可代办' : '') }),
        matter.suspendedReason
          ? el('span', { className: 'muted', 'data-matter': matter.code, text: '已暂停办理：' + matter.suspendedReason })
          : el('a', { className: 'button', href: '/intake?matter=' + encodeURIComponent(matter.code),
            'data-matter': matter.code, text: '受理' })));
    });
  }

  function search() {
    var q = document.getElementById('q').value;
    SY.api('GET', '/api/matters?q=' + encodeURIComponent(q)).then(function (result) {
      render(result.data);
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  }

  /** Lists the bundles on offer; one that intake cannot use now shows why instead of a button. */
  function renderBundles(bundles) {
    var list = document.getElementById('bundle-list');
    list.textContent = '';
    bundles.forEach(function (bundle) {
      var action = bundle.problem ? el('span', { className: 'error', text: bundle.problem })
        : el('a', { className: 'button', href: '/bundle-intake?bundle=' + encodeURIComponent(bundle.code),
          'data-bundle': bundle.code, text: '受理' });
      list.appendChild(el('div', { className: 'matter' },
        el('div', { className: 'matter-name', text: bundle.name }),
        el('div', { className: 'matter-meta', text: '包含：' + bundle.matterNames.join('、') }), action));
    });
    document.getElementById('bundles').hidden = bundles.length === 0;
  }

  SY.ready(function () {
    SY.api('GET', '/api/bundles').then(function (result) { renderBundles(result.data); },
      function (e) { SY.showError(document.getElementById('page-error'), e); });
    document.getElementById('search-form').addEventListener('submit', function (event) {
      event.preventDefault();
      search();
    });
    search();
  });
}());
