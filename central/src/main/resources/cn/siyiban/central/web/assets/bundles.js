/* Bundle (一件事) management: list, create, edit, retire, and the merged material list each node will show. */
(function () {
  'use strict';
  var el = SY.el;
  var editing = null;

  function showError(e) { SY.showError(document.getElementById('page-error'), e); }

  function rule(material) {
    if (!material.required) { return '非必需'; }
    if (material.key) { return '关键材料，不可容缺'; }
    return material.commitmentAllowed ? '可容缺，可承诺' : '可容缺';
  }

  function preview(item) {
    document.getElementById('preview-name').textContent = item.bundle.name;
    var rows = document.getElementById('preview-rows');
    rows.textContent = '';
    item.mergedMaterials.forEach(function (m) {
      rows.appendChild(el('tr', {}, el('td', { text: m.name }), el('td', { text: m.matterCodes.join('、') }),
        el('td', { text: rule(m) })));
    });
    document.getElementById('preview').hidden = false;
  }

  function load() {
    SY.api('GET', '/api/catalogue/bundles').then(function (result) {
      var body = document.getElementById('bundle-rows');
      body.textContent = '';
      result.data.forEach(function (item) {
        var b = item.bundle;
        var actions = el('td', {});
        var show = el('button', { type: 'button', text: '材料清单' });
        show.addEventListener('click', function () { preview(item); });
        var edit = el('button', { type: 'button', text: b.retired ? '编辑并恢复' : '编辑' });
        edit.addEventListener('click', function () { openEditor(b); });
        actions.appendChild(show);
        actions.appendChild(document.createTextNode(' '));
        actions.appendChild(edit);
        if (!b.retired) {
          var retire = el('button', { type: 'button', text: '停用' });
          retire.addEventListener('click', function () { retireBundle(b); });
          actions.appendChild(document.createTextNode(' '));
          actions.appendChild(retire);
        }
        var status = b.retired ? '已停用' : (item.problem || '在用');
        body.appendChild(el('tr', { 'data-code': b.code }, el('td', { text: b.code }), el('td', { text: b.name }),
          el('td', { text: item.matterNames.join('、') }), el('td', { text: String(item.mergedMaterials.length) }),
          el('td', { className: b.retired || item.problem ? 'status-disabled' : 'status-ok', text: status }),
          actions));
      });
    }, showError);
  }

  function retireBundle(b) {
    if (!window.confirm('停用一件事“' + b.name + '”？各节点同步后不能再受理，已受理的办件不受影响。')) { return; }
    SY.api('POST', '/api/catalogue/bundles/' + encodeURIComponent(b.code) + '/retire', {}).then(load, showError);
  }

  function openEditor(b) {
    editing = b ? b.code : null;
    document.getElementById('bundle-form-title').textContent = b ? '编辑一件事 ' + b.code : '新增一件事';
    document.getElementById('b-code').value = b ? b.code : '';
    document.getElementById('b-code').disabled = !!b;
    document.getElementById('b-name').value = b ? b.name : '';
    document.getElementById('b-description').value = b ? (b.description || '') : '';
    document.getElementById('b-matters').value = b ? b.matterCodes.join('\n') : '';
    document.getElementById('b-shared').value = b ? b.sharedMaterials.map(function (s) {
      return s.name + '=' + s.materialIds.join(',');
    }).join('\n') : '';
    document.getElementById('form-error').hidden = true;
    document.getElementById('bundle-form').hidden = false;
  }

  function lines(id) {
    return document.getElementById(id).value.split(/\n/).map(function (line) { return line.trim(); })
      .filter(function (line) { return line; });
  }

  /** Reads "名称=编号,编号" lines; a line without "=" is sent with an empty name, which the server rejects. */
  function sharedMaterials() {
    return lines('b-shared').map(function (line) {
      var at = line.lastIndexOf('=');
      return {
        name: at < 0 ? '' : line.substring(0, at).trim(),
        materialIds: line.substring(at + 1).split(/[,，、\s]+/).filter(function (id) { return id; })
      };
    });
  }

  function save(event) {
    event.preventDefault();
    var body = {
      code: document.getElementById('b-code').value.trim(),
      name: document.getElementById('b-name').value,
      description: document.getElementById('b-description').value,
      matterCodes: lines('b-matters').join(',').split(/[,，、\s]+/).filter(function (code) { return code; }),
      sharedMaterials: sharedMaterials()
    };
    var request = editing ? SY.api('PUT', '/api/catalogue/bundles/' + encodeURIComponent(editing), body)
      : SY.api('POST', '/api/catalogue/bundles', body);
    request.then(function (result) {
      document.getElementById('bundle-form').hidden = true;
      preview(result.data);
      load();
    }, function (e) { SY.showError(document.getElementById('form-error'), e); });
  }

  SY.ready(function () {
    document.getElementById('new-bundle').addEventListener('click', function () { openEditor(null); });
    document.getElementById('cancel-bundle').addEventListener('click', function () {
      document.getElementById('bundle-form').hidden = true;
    });
    document.getElementById('bundle-form').addEventListener('submit', save);
    load();
  });
}());
