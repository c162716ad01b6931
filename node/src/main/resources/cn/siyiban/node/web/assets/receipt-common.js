/* Helpers shared by the single-case and the bundle receipt. */
(function () {
  'use strict';
  var el = SY.el;

  /** Keeps the first 6 and last 4 characters: the receipt leaves the office with the applicant. */
  function maskId(value) {
    return value && value.length >= 10 ? value.substr(0, 6) + new Array(value.length - 9).join('*')
      + value.substr(value.length - 4) : '****';
  }

  function maskPhone(value) {
    return value && value.length >= 8 ? value.substr(0, 3) + '****' + value.substr(value.length - 4) : '****';
  }

  function set(id, text) { document.getElementById(id).textContent = text; }

  function materialList(id, materials, status) {
    var list = document.getElementById(id);
    var chosen = materials.filter(function (m) { return m.status === status; });
    chosen.forEach(function (m) { list.appendChild(el('li', { text: m.name })); });
    if (chosen.length === 0) { list.appendChild(el('li', { className: 'none', text: '无' })); }
  }

  window.SY.receipt = { maskId: maskId, maskPhone: maskPhone, set: set, materialList: materialList };
}());
