/* Checks a resident ID number as GB 11643-1999 defines it; the server repeats the check and decides. */
(function () {
  'use strict';
  var WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  var CHECK = '10X98765432';

  /** Returns a Chinese problem description, or '' when the number is valid. */
  function problem(raw) {
    var value = (raw || '').trim().toUpperCase();
    if (value.length !== 18) { return '身份证号码应为18位，当前为' + value.length + '位'; }
    if (!/^\d{17}[\dX]$/.test(value)) { return '身份证号码前17位只能是数字，第18位只能是数字或X'; }
    var year = +value.substr(6, 4), month = +value.substr(10, 2), day = +value.substr(12, 2);
    var birth = new Date(year, month - 1, day);
    if (birth.getFullYear() !== year || birth.getMonth() !== month - 1 || birth.getDate() !== day
        || year < 1900 || birth > new Date()) {
      return '身份证号码中的出生日期' + value.substr(6, 8) + '不合理';
    }
    var sum = 0;
    for (var i = 0; i < 17; i++) { sum += (+value.charAt(i)) * WEIGHTS[i]; }
    if (CHECK.charAt(sum % 11) !== value.charAt(17)) { return '身份证号码校验位不正确，请核对后重新输入'; }
    return '';
  }

  window.IdCard = { problem: problem };
}());
