/* Shared helpers of the clerk pages: API calls with the CSRF token, the page header, formatting. */
(function () {
  'use strict';

  var session = null;

  /** Creates an element; text children become text nodes, so data is never parsed as HTML. */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === 'text') { node.textContent = attrs[name]; }
      else if (name === 'className') { node.className = attrs[name]; }
      else if (attrs[name] !== null && attrs[name] !== undefined && attrs[name] !== false) {
        node.setAttribute(name, attrs[name] === true ? '' : attrs[name]);
      }
    });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) { continue; }
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function toLogin() {
    window.location.href = '/login?next=' + encodeURIComponent(window.location.pathname + window.location.search);
  }

  /** Calls the JSON API; resolves with the body, rejects with the API error {code, message, details}. */
  function api(method, url, body) {
    var headers = { 'Accept': 'application/json' };
    if (body !== undefined) { headers['Content-Type'] = 'application/json; charset=utf-8'; }
    if (session && session.csrfToken) { headers['X-CSRF-Token'] = session.csrfToken; }
    return fetch(url, {
      method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        if (response.status === 401 && url !== '/api/login') { toLogin(); }
        if (!response.ok) {
          var error = data && data.code ? data
            : { code: 'http_' + response.status, message: '服务器返回错误（HTTP ' + response.status + '），请稍后重试', details: {} };
          error.status = response.status;
          throw error;
        }
        return { status: response.status, data: data };
      });
    }, function () {
      throw { code: 'network_error', message: '无法连接本机服务，请检查服务是否运行后重试', details: {} };
    });
  }

  /** Loads the session, fills the page header and then calls {@code start(session)}. */
  function ready(start) {
    api('GET', '/api/session').then(function (result) {
      session = result.data;
      var point = document.getElementById('point-name');
      if (point) { point.textContent = session.nodePointName; }
      var staff = document.getElementById('staff-name');
      if (staff) { staff.textContent = session.displayName + '（' + session.roleLabel + '）'; }
      var logout = document.getElementById('logout');
      if (logout) {
        logout.addEventListener('click', function () {
          api('POST', '/api/logout', {}).then(function () { window.location.href = '/login'; },
            function () { window.location.href = '/login'; });
        });
      }
      showSyncState();
      start(session);
    }, function (error) {
      if (error.status !== 401) { showError(document.getElementById('page-error'), error); }
    });
  }

  function time(text) {
    return text ? text.replace('T', ' ').substring(0, 16) : '无';
  }

  /**
   * Shows the sync state in the header: registered or not, last push and pull, rows waiting and
   * batches in error, refreshed every 15 seconds, with a button that syncs now and reports what
   * really happened.
   */
  function showSyncState() {
    var box = document.getElementById('sync-state');
    if (!box) { return; }
    var text = el('span', { id: 'sync-text' });
    var button = el('button', { type: 'button', id: 'sync-now', className: 'link' }, '立即同步');
    box.textContent = '';
    box.appendChild(text);
    box.appendChild(document.createTextNode(' '));
    box.appendChild(button);
    function refresh() {
      api('GET', '/api/sync').then(function (result) {
        var s = result.data;
        var parts = [];
        if (!s.configured) { parts.push('单机运行'); }
        else if (!s.registered) { parts.push('未注册'); }
        else { parts.push(s.linkUp === false ? '与中心断开' : '已连接中心'); }
        if (s.configured) {
          parts.push('上传 ' + time(s.lastPush));
          parts.push('下载 ' + time(s.lastPull));
          parts.push('待上传 ' + s.rowsWaiting + ' 条');
          if (s.batchesInError > 0) { parts.push('错误批次 ' + s.batchesInError); }
          if (s.clockProblem) { parts.push('本机时钟不准'); }
        }
        text.textContent = '同步：' + parts.join('，');
        text.title = [s.problem, s.clockProblem].filter(Boolean).join('\n');
        box.className = 'sync-state' + (s.batchesInError > 0 || s.linkUp === false || (s.configured && !s.registered)
          || s.clockProblem ? ' sync-problem' : '');
        button.hidden = !s.configured;
      }, function () { text.textContent = '同步：状态未知'; });
    }
    button.addEventListener('click', function () {
      button.disabled = true;
      text.textContent = '同步：正在同步…';
      api('POST', '/api/sync/now', {}).then(function (result) {
        window.alert(result.data.message);
      }, function (error) {
        window.alert(error.message);
      }).then(function () {
        button.disabled = false;
        refresh();
      });
    });
    refresh();
    window.setInterval(refresh, 15000);
  }

  function showError(box, error) {
    if (!box) { window.alert(error.message); return; }
    box.textContent = error.message || '操作失败，请重试';
    box.hidden = false;
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  /** Splits an ISO local date-time such as 2026-12-04T10:15:30.123 into numbers. */
  function parts(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text || '');
    return m ? { y: m[1], mo: m[2], d: m[3], h: m[4] || '00', mi: m[5] || '00', s: m[6] || '00' } : null;
  }

  function formatDate(text) {
    var p = parts(text);
    return p ? p.y + '年' + p.mo + '月' + p.d + '日' : '';
  }

  function formatDateTime(text) {
    var p = parts(text);
    return p ? formatDate(text) + ' ' + p.h + ':' + p.mi : '';
  }

  /** Formats a due time: 23:59:59 marks a working-day deadline and prints as a date, others with the time. */
  function formatDue(text) {
    if (!text) { return '以部门审核时限为准'; }
    var p = parts(text);
    return p.h === '23' && p.mi === '59' ? formatDate(text) + '前' : formatDateTime(text) + '前';
  }

  function query(name) {
    var match = new RegExp('[?&]' + name + '=([^&]*)').exec(window.location.search);
    return match ? decodeURIComponent(match[1].replace(/\+/g, ' ')) : '';
  }

  /** Returns the last segment of the path, e.g. the case number of /cases/{caseNo}. */
  function lastPathSegment() {
    var segments = window.location.pathname.split('/');
    return decodeURIComponent(segments[segments.length - 1]);
  }

  window.SY = {
    el: el, api: api, ready: ready, showError: showError, query: query, lastPathSegment: lastPathSegment,
    formatDate: formatDate, formatDateTime: formatDateTime, formatDue: formatDue, pad: pad
  };
}());
