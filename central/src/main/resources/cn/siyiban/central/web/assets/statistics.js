/* County statistics with ECharts: cases over time per group, time-limit figures, proxy and bundle shares. */
(function () {
  'use strict';
  var el = SY.el;
  /** Groups drawn as their own series; the rest are summed as 其他, so the chart stays readable. */
  var CHART_GROUPS = 8;
  var casesChart = null;
  var bundleChart = null;
  var ratingChart = null;

  function percent(share) { return share === null || share === undefined ? '—' : (share * 100).toFixed(1) + '%'; }

  function renderSummary(r) {
    var list = document.getElementById('summary');
    list.textContent = '';
    [
      '办件总量：' + r.total + ' 件',
      '即办件：' + r.immediate.cases + ' 件，当场办结 ' + r.immediate.doneOnTheSpot + ' 件，占 ' + percent(r.immediate.share),
      '承诺件：' + r.promised.cases + ' 件，按时办结 ' + r.promised.onTime + ' 件，超期办结 ' + r.promised.late
        + ' 件，超期未办结 ' + r.promised.openOverdue + ' 件，按时率 ' + percent(r.promised.compliance),
      '帮办代办：' + r.proxy.cases + ' 件，占 ' + percent(r.proxy.share)
    ].forEach(function (line) { list.appendChild(el('li', { text: line })); });
  }

  function renderTable(r) {
    var head = document.getElementById('group-head');
    head.textContent = '';
    var row = el('tr', {}, el('th', { text: r.byLabel }));
    r.months.forEach(function (m) { row.appendChild(el('th', { text: m })); });
    row.appendChild(el('th', { text: '合计' }));
    head.appendChild(row);
    var body = document.getElementById('group-rows');
    body.textContent = '';
    r.groups.forEach(function (g) {
      var line = el('tr', { 'data-key': g.key }, el('td', { text: g.name }));
      g.perMonth.forEach(function (n) { line.appendChild(el('td', { text: String(n) })); });
      line.appendChild(el('td', { text: String(g.total) }));
      body.appendChild(line);
    });
    if (r.groups.length === 0) {
      body.appendChild(el('tr', {}, el('td', { colspan: String(r.months.length + 2), className: 'muted', text: '该期间没有办件' })));
    }
  }

  function caseSeries(r) {
    var series = r.groups.slice(0, CHART_GROUPS).map(function (g) {
      return { name: g.name, type: 'bar', stack: 'cases', data: g.perMonth };
    });
    if (r.groups.length > CHART_GROUPS) {
      var rest = r.months.map(function (m, i) {
        return r.groups.slice(CHART_GROUPS).reduce(function (sum, g) { return sum + g.perMonth[i]; }, 0);
      });
      series.push({ name: '其他', type: 'bar', stack: 'cases', data: rest });
    }
    series.push({ name: '其中代办', type: 'line', data: r.proxy.perMonth });
    return series;
  }

  // richText tooltips draw on the canvas; the default HTML tooltips need inline styles, which the
  // page's Content-Security-Policy blocks.
  function renderCharts(r) {
    casesChart = casesChart || echarts.init(document.getElementById('cases-chart'));
    casesChart.setOption({
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { type: 'scroll', top: 0 },
      grid: { top: 40, left: 50, right: 20, bottom: 30 },
      xAxis: { type: 'category', data: r.months },
      yAxis: { type: 'value', name: '件', minInterval: 1 },
      series: caseSeries(r)
    }, true);
    bundleChart = bundleChart || echarts.init(document.getElementById('bundle-chart'));
    bundleChart.setOption({
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      grid: { top: 30, left: 50, right: 20, bottom: 30 },
      xAxis: { type: 'category', data: r.bundleTrend.map(function (m) { return m.month; }) },
      yAxis: { type: 'value', name: '占比 %', max: 100 },
      series: [{ name: '一件事占比', type: 'line', data: r.bundleTrend.map(function (m) {
        return m.share === null ? null : Math.round(m.share * 1000) / 10;
      }) }]
    }, true);
  }

  /* The summary covers every rating at central, not only the chosen months. */
  function renderRatings(r) {
    var s = r.ratings;
    var levels = s.levels.map(function (l) { return l.label + ' ' + l.count + ' 条'; }).join('，');
    var rate = s.followUpRate === null ? '暂无实名差评' : '回访率 ' + s.followUpRate + '%';
    document.getElementById('ratings').textContent = '全部有效评价 ' + s.total + ' 条（' + levels + '），已作废 '
      + s.annulled + ' 条。实名差评 ' + s.realNameBad + ' 条，已整改并回复群众 ' + s.followedUp + ' 条，' + rate
      + '；未办结整改 ' + s.openItems + ' 件，其中超期 ' + s.overdueItems + ' 件。';
    ratingChart = ratingChart || echarts.init(document.getElementById('rating-chart'));
    ratingChart.setOption({
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      grid: { top: 30, left: 50, right: 20, bottom: 30 },
      xAxis: { type: 'category', data: s.levels.map(function (l) { return l.label; }) },
      yAxis: { type: 'value', name: '条', minInterval: 1 },
      series: [{ name: '评价条数', type: 'bar', data: s.levels.map(function (l) { return l.count; }) }]
    }, true);
  }

  function query() {
    var params = [];
    ['from', 'to', 'by'].forEach(function (name) {
      var value = document.getElementById(name).value;
      if (value) { params.push(name + '=' + encodeURIComponent(value)); }
    });
    return params.length ? '?' + params.join('&') : '';
  }

  function load() {
    SY.api('GET', '/api/statistics' + query()).then(function (result) {
      var r = result.data;
      document.getElementById('from').value = r.from;
      document.getElementById('to').value = r.to;
      document.getElementById('by').value = r.by;
      // The export names the period the page shows, so the file matches the table.
      document.getElementById('export').setAttribute('href', '/api/statistics/export.csv' + query());
      renderSummary(r);
      renderTable(r);
      renderCharts(r);
      renderRatings(r);
      document.body.setAttribute('data-loaded', 'true');
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
  }

  SY.ready(function () {
    document.getElementById('period-form').addEventListener('submit', function (event) {
      event.preventDefault();
      load();
    });
    load();
  });
}());
