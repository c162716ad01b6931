/* The password form: the current password and the new one twice, checked again by the server. */
(function () {
  'use strict';

  function showErrors(error) {
    var box = document.getElementById('password-errors');
    var details = error.details || {};
    var lines = Object.keys(details).map(function (field) { return details[field]; });
    box.textContent = lines.length ? lines.join('；') : error.message;
    box.hidden = false;
  }

  function submit(event) {
    event.preventDefault();
    var errors = document.getElementById('password-errors');
    var result = document.getElementById('password-result');
    errors.hidden = true;
    result.hidden = true;
    var body = {
      oldPassword: document.getElementById('old-password').value,
      newPassword: document.getElementById('new-password').value,
      newPasswordAgain: document.getElementById('new-password-again').value
    };
    if (body.newPassword !== body.newPasswordAgain) {
      showErrors({ message: '两次输入的新密码不一致', details: {} });
      return;
    }
    SY.api('POST', '/api/password', body).then(function (response) {
      document.getElementById('password-form').reset();
      result.textContent = response.data.message;
      result.hidden = false;
    }, showErrors);
  }

  SY.ready(function () {
    document.getElementById('password-form').addEventListener('submit', submit);
  });
}());
