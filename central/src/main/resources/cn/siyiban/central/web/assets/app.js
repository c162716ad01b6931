/* Shared helpers of central's pages: API calls with the CSRF token, the page header, formatting. */
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
      throw { code: 'network_error', message: '无法连接县级中心服务，请检查网络后重试', details: {} };
    });
  }

  /**
   * Loads the session, fills the page header, shows the admin links only to county admins and
   * then calls {@code start(session)}.
   */
  function ready(start) {
    api('GET', '/api/session').then(function (result) {
      session = result.data;
      var staff = document.getElementById('staff-name');
      if (staff) { staff.textContent = session.displayName + '（' + session.roleLabel + '）'; }
      Array.prototype.forEach.call(document.querySelectorAll('[data-admin]'), function (link) {
        link.hidden = session.role !== 'county_admin';
      });
      var logout = document.getElementById('logout');
      if (logout && !document.getElementById('password-link')) {
        // Every page header links to the password form, which every account may use.
        logout.parentNode.insertBefore(el('a', { id: 'password-link', href: '/password', text: '修改密码' }), logout);
      }
      if (logout) {
        logout.addEventListener('click', function () {
          api('POST', '/api/logout', {}).then(function () { window.location.href = '/login'; },
            function () { window.location.href = '/login'; });
        });
      }
      start(session);
    }, function (error) {
      if (error.status !== 401) { showError(document.getElementById('page-error'), error); }
    });
  }

  function showError(box, error) {
    if (!box) { window.alert(error.message); return; }
    box.textContent = error.message || '操作失败，请重试';
    box.hidden = false;
  }

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

  /** Formats a byte count in GB with one decimal, or MB below 1 GB. */
  function formatBytes(bytes) {
    if (bytes === null || bytes === undefined) { return '—'; }
    var mb = bytes / (1024 * 1024);
    return mb >= 1024 ? (mb / 1024).toFixed(1) + ' GB' : Math.round(mb) + ' MB';
  }

  /** Formats a number of seconds as days and hours, hours and minutes, or seconds alone. */
  function formatSeconds(seconds) {
    var days = Math.floor(seconds / 86400);
    var hours = Math.floor((seconds % 86400) / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    if (days > 0) { return days + ' 天 ' + hours + ' 小时'; }
    if (hours > 0) { return hours + ' 小时 ' + minutes + ' 分钟'; }
    if (minutes > 0) { return minutes + ' 分钟'; }
    return seconds + ' 秒';
  }

  window.SY = {
    el: el, api: api, ready: ready, showError: showError, query: query, lastPathSegment: lastPathSegment,
    formatDate: formatDate, formatDateTime: formatDateTime, formatDue: formatDue, formatBytes: formatBytes,
    formatSeconds: formatSeconds
  };
}());
