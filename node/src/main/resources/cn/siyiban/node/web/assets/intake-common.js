/* Parts shared by the single-matter and the bundle intake forms: the request key and the applicant fields. */
(function () {
  'use strict';

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

  /** Returns the applicant as the intake APIs expect it. */
  function applicant() {
    return {
      name: document.getElementById('applicant-name').value,
      idType: document.getElementById('id-type').value,
      idNumber: document.getElementById('id-number').value,
      phone: document.getElementById('phone').value,
      address: document.getElementById('address').value
    };
  }

  /** Checks each applicant field when the clerk leaves it. */
  function watchApplicant() {
    document.getElementById('applicant-name').addEventListener('blur', checkName);
    document.getElementById('id-number').addEventListener('blur', checkIdNumber);
    document.getElementById('phone').addEventListener('blur', checkPhone);
  }

  function radio(material, status, label) {
    var id = 'm-' + material.id + '-' + status;
    return SY.el('label', { className: 'choice', 'for': id },
      SY.el('input', { type: 'radio', id: id, name: 'material-' + material.id, value: status }), label);
  }

  /**
   * Fills the material table with one row per material and the choices its flags allow: a required key
   * material can only be received. {@code describe}, if given, returns an element shown under the name.
   */
  function renderMaterials(materials, describe) {
    var el = SY.el;
    var body = document.getElementById('material-rows');
    body.textContent = '';
    materials.forEach(function (material) {
      var tags = el('span', { className: 'tags' });
      if (material.required && material.key) { tags.appendChild(el('span', { className: 'tag key', text: '关键材料' })); }
      if (!material.required) { tags.appendChild(el('span', { className: 'tag', text: '非必需' })); }
      if (material.required && !material.key) { tags.appendChild(el('span', { className: 'tag', text: '可容缺' })); }
      var choices = el('td', { className: 'choices' }, radio(material, 'received', '已收'));
      if (!(material.required && material.key)) { choices.appendChild(radio(material, 'missing', '缺')); }
      if (material.commitmentAllowed) { choices.appendChild(radio(material, 'committed', '承诺代替')); }
      body.appendChild(el('tr', {}, el('td', {}, el('span', { text: material.name }), tags,
        describe ? describe(material) : null), choices));
    });
    body.addEventListener('change', function () { showSupplementDue(materials); });
  }

  /** Shows the deadline field once a required material is marked missing, which makes the case 容缺受理. */
  function showSupplementDue(materials) {
    var tolerated = materials.some(function (material) {
      var checked = document.querySelector('input[name="material-' + material.id + '"]:checked');
      return material.required && checked && checked.value === 'missing';
    });
    document.getElementById('supplement-due-row').hidden = !tolerated;
  }

  /** Returns the ticked status of every material, or null after marking the ones without a choice. */
  function collectMaterials(materials) {
    var missingChoice = [];
    var ticked = materials.map(function (material) {
      var checked = document.querySelector('input[name="material-' + material.id + '"]:checked');
      if (!checked) { missingChoice.push(material.name); }
      return { materialId: material.id, status: checked ? checked.value : 'missing' };
    });
    fieldError('materials', missingChoice.length ? '请为每项材料选择收取情况：' + missingChoice.join('、') : '');
    return missingChoice.length ? null : ticked;
  }

  /** Returns the supplement deadline the clerk entered, or null when no material is missing or none was entered. */
  function supplementDue() {
    return document.getElementById('supplement-due-row').hidden ? null
      : document.getElementById('supplement-due').value || null;
  }

  /**
   * Handles the form's submit: checks the applicant and the materials, sends {@code buildBody(materials)} to
   * {@code url} once (a second click while saving does nothing) and calls {@code done(data)} with the saved result.
   * An error is shown beside its field and above the button, and the form can be sent again with the same request
   * key, so a retry after a lost response returns what the first attempt saved.
   */
  function submitter(url, materialsOf, buildBody, done) {
    var saving = false;
    return function (event) {
      event.preventDefault();
      var error = document.getElementById('form-error');
      error.hidden = true;
      var applicantOk = checkApplicant();
      var materials = collectMaterials(materialsOf());
      if (saving || !applicantOk || !materials) { return; }
      saving = true;
      var button = document.getElementById('save');
      button.disabled = true;
      var body = buildBody(materials);
      body.applicant = applicant();
      body.materials = materials;
      body.proxy = document.getElementById('proxy').checked;
      body.requestKey = document.getElementById('request-key').value;
      body.supplementDue = supplementDue();
      SY.api('POST', url, body).then(function (result) { done(result.data); }, function (e) {
        saving = false;
        button.disabled = false;
        if (e.details && e.details.field) { fieldError(e.details.field, e.message); }
        SY.showError(error, e);
      });
    };
  }

  window.SY.intake = {
    newRequestKey: newRequestKey, fieldError: fieldError, checkApplicant: checkApplicant, applicant: applicant,
    watchApplicant: watchApplicant, renderMaterials: renderMaterials, collectMaterials: collectMaterials,
    submitter: submitter
  };
}());
