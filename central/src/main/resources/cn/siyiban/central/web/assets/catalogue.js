/* Catalogue management: search, create, edit with ordered materials, retire, and CSV import with a preview. */
(function () {
  'use strict';
  var el = SY.el;
  var editing = null;
  var materials = [];
  var csvText = null;

  function showError(e) { SY.showError(document.getElementById('page-error'), e); }

  function loadVersions() {
    SY.api('GET', '/api/catalogue/versions').then(function (result) {
      var body = document.getElementById('version-rows');
      body.textContent = '';
      result.data.forEach(function (v) {
        body.appendChild(el('tr', {},
          el('td', { text: 'v' + v.version }),
          el('td', { text: SY.formatDateTime(v.publishedAt) }),
          el('td', { text: v.publishedBy }),
          el('td', { text: v.note || '' })));
      });
    }, showError);
  }

  function load() {
    var q = document.getElementById('search-q').value.trim();
    var retired = document.getElementById('search-retired').checked;
    SY.api('GET', '/api/catalogue/matters?q=' + encodeURIComponent(q) + (retired ? '&retired=true' : '')).then(function (result) {
      document.getElementById('catalogue-version').textContent = 'v' + result.data.version;
      var body = document.getElementById('matter-rows');
      body.textContent = '';
      result.data.matters.forEach(function (m) {
        var edit = el('button', { type: 'button', text: m.retired ? '编辑并恢复' : '编辑' });
        edit.addEventListener('click', function () { openEditor(m.code); });
        var cells = el('td', {}, edit);
        if (!m.retired) {
          var retire = el('button', { type: 'button', text: '停用' });
          retire.addEventListener('click', function () { retireMatter(m); });
          cells.appendChild(document.createTextNode(' '));
          cells.appendChild(retire);
        }
        body.appendChild(el('tr', { 'data-code': m.code },
          el('td', { text: m.code }),
          el('td', { text: m.name }),
          el('td', { text: m.category || '' }),
          el('td', { text: m.department || '' }),
          el('td', { text: String(m.materials) }),
          el('td', { text: 'v' + m.revision }),
          el('td', { className: m.retired ? 'status-disabled' : 'status-ok', text: m.retired ? '已停用' : '在用' }),
          cells));
      });
    }, showError);
    loadVersions();
  }

  function retireMatter(m) {
    if (!window.confirm('停用事项“' + m.name + '”（' + m.code + '）？将发布新的目录版本，各节点同步后不能再受理该事项，已受理的办件不受影响。')) { return; }
    SY.api('POST', '/api/catalogue/matters/' + encodeURIComponent(m.code) + '/retire', {}).then(load, showError);
  }

  function checkbox(checked, onChange) {
    var box = el('input', { type: 'checkbox' });
    box.checked = checked;
    box.addEventListener('change', function () { onChange(box.checked); });
    return box;
  }

  function moveMaterial(index, step) {
    var target = index + step;
    if (target < 0 || target >= materials.length) { return; }
    var moved = materials.splice(index, 1)[0];
    materials.splice(target, 0, moved);
    renderMaterials();
  }

  function renderMaterials() {
    var body = document.getElementById('material-rows');
    body.textContent = '';
    materials.forEach(function (m, i) {
      var name = el('input', { value: m.name, maxlength: '200', 'aria-label': '第' + (i + 1) + '项材料名称' });
      name.addEventListener('input', function () { m.name = name.value; });
      var up = el('button', { type: 'button', text: '上移' });
      up.addEventListener('click', function () { moveMaterial(i, -1); });
      var down = el('button', { type: 'button', text: '下移' });
      down.addEventListener('click', function () { moveMaterial(i, 1); });
      var remove = el('button', { type: 'button', text: '删除' });
      remove.addEventListener('click', function () { materials.splice(i, 1); renderMaterials(); });
      body.appendChild(el('tr', {},
        el('td', { text: String(i + 1) }),
        el('td', {}, name),
        el('td', {}, checkbox(m.required, function (v) { m.required = v; })),
        el('td', {}, checkbox(m.key, function (v) { m.key = v; })),
        el('td', {}, checkbox(m.commitmentAllowed, function (v) { m.commitmentAllowed = v; })),
        el('td', {}, up, ' ', down, ' ', remove)));
    });
  }

  function fill(m) {
    document.getElementById('m-code').value = m ? m.code : '';
    document.getElementById('m-code').disabled = !!m;
    document.getElementById('m-name').value = m ? m.name : '';
    document.getElementById('m-category').value = m && m.category ? m.category : '';
    document.getElementById('m-department').value = m && m.department ? m.department : '';
    document.getElementById('m-time-class').value = m && m.timeClass ? m.timeClass : '';
    document.getElementById('m-legal-days').value = m && m.legalDays ? m.legalDays : '';
    document.getElementById('m-promised-days').value = m && m.promisedDays ? m.promisedDays : '';
    document.getElementById('m-validity-months').value = m && m.validityMonths ? m.validityMonths : '';
    document.getElementById('m-proxy').checked = m ? m.proxyAllowed : true;
    document.getElementById('m-source').value = m && m.source ? m.source : '';
    materials = m ? m.materials.map(function (x) {
      return { name: x.name, required: x.required, key: x.key, commitmentAllowed: x.commitmentAllowed };
    }) : [{ name: '', required: true, key: true, commitmentAllowed: false }];
    renderMaterials();
    document.getElementById('matter-form-title').textContent = m ? '编辑事项 ' + m.code : '新增事项';
    document.getElementById('matter-errors').hidden = true;
    document.getElementById('matter-form').hidden = false;
    document.getElementById('m-name').focus();
  }

  function openEditor(code) {
    SY.api('GET', '/api/catalogue/matters/' + encodeURIComponent(code)).then(function (result) {
      editing = code;
      fill(result.data);
    }, showError);
  }

  function number(id) {
    var text = document.getElementById(id).value.trim();
    return text ? parseInt(text, 10) : null;
  }

  function save(event) {
    event.preventDefault();
    var body = {
      code: document.getElementById('m-code').value.trim(),
      name: document.getElementById('m-name').value.trim(),
      category: document.getElementById('m-category').value.trim(),
      department: document.getElementById('m-department').value.trim(),
      timeClass: document.getElementById('m-time-class').value,
      legalDays: number('m-legal-days'),
      promisedDays: number('m-promised-days'),
      proxyAllowed: document.getElementById('m-proxy').checked,
      materials: materials,
      source: document.getElementById('m-source').value.trim(),
      validityMonths: number('m-validity-months')
    };
    var request = editing
      ? SY.api('PUT', '/api/catalogue/matters/' + encodeURIComponent(editing), body)
      : SY.api('POST', '/api/catalogue/matters', body);
    request.then(function (result) {
      document.getElementById('matter-form').hidden = true;
      var box = document.getElementById('import-result');
      box.textContent = result.data.published ? '已发布目录版本 v' + result.data.version : '内容没有变化，未发布新版本';
      box.hidden = false;
      editing = null;
      load();
    }, function (e) {
      var errors = document.getElementById('matter-errors');
      var details = e.details || {};
      errors.textContent = Object.keys(details).length
        ? Object.keys(details).map(function (k) { return details[k]; }).join('；') : e.message;
      errors.hidden = false;
    });
  }

  /** Lists the matters of one part of the preview. A changed matter lists each field with its old and new value. */
  function list(id, entries, withChanges) {
    var target = document.getElementById(id);
    target.textContent = '';
    if (entries.length === 0) { target.appendChild(el('li', { className: 'muted', text: '无' })); }
    entries.forEach(function (entry) {
      var item = el('li', { 'data-code': entry.code, text: entry.code + ' ' + entry.name });
      if (withChanges && entry.changes.length) {
        var fields = el('table', { className: 'changes' },
          el('thead', {}, el('tr', {}, el('th', { text: '字段' }), el('th', { text: '原值' }), el('th', { text: '新值' }))));
        var rows = el('tbody', {});
        entry.changes.forEach(function (change) {
          rows.appendChild(el('tr', { 'data-field': change.field },
            el('td', { text: change.field }),
            el('td', { className: 'before', text: change.before === null ? '（空）' : change.before }),
            el('td', { className: 'after', text: change.after === null ? '（空）' : change.after })));
        });
        fields.appendChild(rows);
        item.appendChild(fields);
      }
      target.appendChild(item);
    });
  }

  function preview(event) {
    event.preventDefault();
    var file = document.getElementById('import-file').files[0];
    if (!file) { showError({ message: '请先选择CSV文件' }); return; }
    file.text().then(function (text) {
      csvText = text;
      return sendCsv('/api/catalogue/import/preview');
    }).then(function (result) {
      var diff = result.data.diff;
      document.getElementById('import-summary').textContent = '文件共 ' + result.data.matters + ' 个事项：新增 '
        + diff.added.length + '，修改 ' + diff.changed.length + '，停用 ' + diff.retired.length + '，不变 ' + diff.unchanged + '。';
      list('preview-added', diff.added, false);
      list('preview-changed', diff.changed, true);
      list('preview-retired', diff.retired, false);
      document.getElementById('import-preview').hidden = false;
    }, showError);
  }

  /** Posts the CSV text as is; SY.api sends JSON only, so this call uses fetch with the session's CSRF token. */
  function sendCsv(url) {
    var mode = document.getElementById('import-mode').value;
    return SY.api('GET', '/api/session').then(function (session) {
      return fetch(url + '?mode=' + mode, { method: 'POST', credentials: 'same-origin', body: csvText,
        headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Accept': 'application/json', 'X-CSRF-Token': session.data.csrfToken } });
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) { throw data; }
        return { status: response.status, data: data };
      });
    });
  }

  function confirmImport() {
    sendCsv('/api/catalogue/import').then(function (result) {
      document.getElementById('import-preview').hidden = true;
      var box = document.getElementById('import-result');
      box.textContent = result.data.published ? '已发布目录版本 v' + result.data.version : '文件与当前目录相同，未发布新版本';
      box.hidden = false;
      load();
    }, showError);
  }

  SY.ready(function () {
    document.getElementById('search-form').addEventListener('submit', function (event) {
      event.preventDefault();
      load();
    });
    document.getElementById('new-matter').addEventListener('click', function () { editing = null; fill(null); });
    document.getElementById('cancel-matter').addEventListener('click', function () {
      document.getElementById('matter-form').hidden = true;
    });
    document.getElementById('add-material').addEventListener('click', function () {
      materials.push({ name: '', required: true, key: true, commitmentAllowed: false });
      renderMaterials();
    });
    document.getElementById('matter-form').addEventListener('submit', save);
    document.getElementById('import-form').addEventListener('submit', preview);
    document.getElementById('confirm-import').addEventListener('click', confirmImport);
    load();
  });
}());
