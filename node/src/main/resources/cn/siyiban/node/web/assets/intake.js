/* The intake form, built from the chosen matter's material list. */
(function () {
  'use strict';
  var el = SY.el;
  var matter = null;
  var saving = false;

  /**
   * Returns a random UUID for the request key. crypto.randomUUID exists only on HTTPS or localhost pages, and
   * clerks open the node over plain HTTP on the LAN, so it falls back to getRandomValues.
   */
  function newRequestKey() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') { return window.crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
    return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' + hex.substr(16, 4) + '-' + hex.substr(20);
  }

  function fieldError(field, message) {
    var box = document.querySelector('.field-error[data-field="' + field + '"]');
    if (box) { box.textContent = message || ''; }
    return !message;
  }

  function radio(material, status, label) {
    var id = 'm-' + material.id + '-' + status;
    return el('label', { className: 'choice', 'for': id },
      el('input', { type: 'radio', id: id, name: 'material-' + material.id, value: status }), label);
  }

  function renderMaterials() {
    var body = document.getElementById('material-rows');
    body.textContent = '';
    matter.materials.forEach(function (material) {
      var tags = el('span', { className: 'tags' });
      if (material.required && material.key) { tags.appendChild(el('span', { className: 'tag key', text: '关键材料' })); }
      if (!material.required) { tags.appendChild(el('span', { className: 'tag', text: '非必需' })); }
      if (material.required && !material.key) { tags.appendChild(el('span', { className: 'tag', text: '可容缺' })); }
      var choices = el('td', { className: 'choices' }, radio(material, 'received', '已收'));
      if (!(material.required && material.key)) { choices.appendChild(radio(material, 'missing', '缺')); }
      if (material.commitmentAllowed) { choices.appendChild(radio(material, 'committed', '承诺代替')); }
      body.appendChild(el('tr', {}, el('td', {}, el('span', { text: material.name }), tags), choices));
    });
    body.addEventListener('change', showSupplementDue);
  }

  /** Shows the deadline field once a required material is marked missing, which makes the case 容缺受理. */
  function showSupplementDue() {
    var tolerated = matter.materials.some(function (material) {
      var checked = document.querySelector('input[name="material-' + material.id + '"]:checked');
      return material.required && checked && checked.value === 'missing';
    });
    document.getElementById('supplement-due-row').hidden = !tolerated;
  }

  function checkName() {
    return fieldError('applicant.name', document.getElementById('applicant-name').value.trim() ? '' : '请填写申请人姓名');
  }

  function checkIdNumber() {
    var idType = document.getElementById('id-type').value;
    var idNumber = document.getElementById('id-number').value;
    var idProblem = idType === 'resident_id' ? IdCard.problem(idNumber)
      : (/^[A-Za-z0-9]{5,20}$/.test(idNumber.trim()) ? '' : '证件号码应为5到20位字母或数字');
    return fieldError('applicant.idNumber', idProblem);
  }

  function checkPhone() {
    var phone = document.getElementById('phone').value.replace(/[\s-]/g, '');
    return fieldError('applicant.phone', /^(1[3-9]\d{9}|0\d{9,11})$/.test(phone) ? ''
      : '请填写11位手机号码，或带区号的固定电话');
  }

  /** Checks every applicant field and shows each problem beside its field. */
  function checkApplicant() {
    var nameOk = checkName();
    var idOk = checkIdNumber();
    var phoneOk = checkPhone();
    return nameOk && idOk && phoneOk;
  }

  function collectMaterials() {
    var missingChoice = [];
    var materials = matter.materials.map(function (material) {
      var checked = document.querySelector('input[name="material-' + material.id + '"]:checked');
      if (!checked) { missingChoice.push(material.name); }
      return { materialId: material.id, status: checked ? checked.value : 'missing' };
    });
    fieldError('materials', missingChoice.length ? '请为每项材料选择收取情况：' + missingChoice.join('、') : '');
    return missingChoice.length ? null : materials;
  }

  function save(event) {
    event.preventDefault();
    var error = document.getElementById('form-error');
    error.hidden = true;
    var applicantOk = checkApplicant();
    var materials = collectMaterials();
    if (saving || !applicantOk || !materials) { return; }
    saving = true;
    var button = document.getElementById('save');
    button.disabled = true;
    SY.api('POST', '/api/cases', {
      matterCode: matter.code,
      applicant: {
        name: document.getElementById('applicant-name').value,
        idType: document.getElementById('id-type').value,
        idNumber: document.getElementById('id-number').value,
        phone: document.getElementById('phone').value,
        address: document.getElementById('address').value
      },
      materials: materials,
      proxy: document.getElementById('proxy').checked,
      requestKey: document.getElementById('request-key').value,
      supplementDue: document.getElementById('supplement-due-row').hidden ? null
        : document.getElementById('supplement-due').value || null
    }).then(function (result) {
      window.location.href = '/receipt/' + encodeURIComponent(result.data.caseNo);
    }, function (e) {
      saving = false;
      button.disabled = false;
      if (e.details && e.details.field) { fieldError(e.details.field, e.message); }
      SY.showError(error, e);
    });
  }

  SY.ready(function () {
    document.getElementById('request-key').value = newRequestKey();
    SY.api('GET', '/api/matters/' + encodeURIComponent(SY.query('matter'))).then(function (result) {
      matter = result.data;
      document.getElementById('matter-title').textContent = matter.name;
      document.getElementById('matter-info').textContent = matter.code + ' · ' + matter.department + ' · '
        + (matter.timeClassLabel || '时限以部门审核为准');
      document.getElementById('proxy-row').hidden = !matter.proxyAllowed;
      renderMaterials();
      document.getElementById('intake-form').hidden = false;
    }, function (e) { SY.showError(document.getElementById('page-error'), e); });
    document.getElementById('applicant-name').addEventListener('blur', checkName);
    document.getElementById('id-number').addEventListener('blur', checkIdNumber);
    document.getElementById('phone').addEventListener('blur', checkPhone);
    document.getElementById('intake-form').addEventListener('submit', save);
  });
}());
