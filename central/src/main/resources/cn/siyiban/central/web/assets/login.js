/* The login form. */
(function () {
  'use strict';
  var form = document.getElementById('login-form');
  var error = document.getElementById('login-error');

  /** Only a local path may follow the login, never another site. */
  function nextPage() {
    var next = SY.query('next');
    return next.charAt(0) === '/' && next.charAt(1) !== '/' && next.indexOf('\\') < 0 ? next : '/';
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    error.hidden = true;
    var button = document.getElementById('login-button');
    button.disabled = true;
    SY.api('POST', '/api/login', {
      username: document.getElementById('username').value,
      password: document.getElementById('password').value
    }).then(function () {
      window.location.href = nextPage();
    }, function (e) {
      button.disabled = false;
      SY.showError(error, e);
    });
  });
}());
