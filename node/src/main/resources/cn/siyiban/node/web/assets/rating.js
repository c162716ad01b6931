/*
 * The rating page the clerk hands over on a tablet. Every level can be submitted, with or without
 * a comment. The visit id is created when the page opens and kept in the address, so a second tap
 * on 提交 or a reload submits the same visit again and the node returns the rating already saved.
 */
(function () {
  'use strict';

  var el = SY.el;
  var LEVELS = [[5, '非常满意'], [4, '满意'], [3, '基本满意'], [2, '不满意'], [1, '非常不满意']];
  var chosen = {};

  /** Returns a random UUID; crypto.randomUUID needs a secure context, which a node on the LAN lacks. */
  function uuid() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
    return hex.substring(0, 8) + '-' + hex.substring(8, 12) + '-' + hex.substring(12, 16) + '-'
      + hex.substring(16, 20) + '-' + hex.substring(20);
  }

  function visitId() {
    var id = SY.query('visit');
    if (!id) {
      id = uuid();
      var caseNo = SY.query('case');
      window.history.replaceState(null, '', '/rate?' + (caseNo ? 'case=' + encodeURIComponent(caseNo) + '&' : '')
        + 'visit=' + id);
    }
    return id;
  }

  function buildChoices(fieldset) {
    var field = fieldset.getAttribute('data-field');
    LEVELS.forEach(function (level) {
      var button = el('button', { type: 'button', className: 'rating-choice level-' + level[0],
        'data-level': String(level[0]), 'aria-pressed': 'false' }, level[1]);
      button.addEventListener('click', function () {
        var again = chosen[field] === level[0] && field !== 'overall';
        chosen[field] = again ? null : level[0];
        Array.prototype.forEach.call(fieldset.querySelectorAll('button'), function (other) {
          other.setAttribute('aria-pressed', String(!again && other === button));
        });
        document.getElementById('rating-submit').disabled = !chosen.overall;
      });
      fieldset.appendChild(button);
    });
  }

  function showThanks(rating) {
    document.getElementById('rating-form').hidden = true;
    document.getElementById('rating-thanks').hidden = false;
    document.getElementById('rating-result').textContent = '您的评价：' + rating.overallLabel;
    if (rating.caseNo) {
      var back = document.getElementById('rating-back');
      back.href = '/cases/' + encodeURIComponent(rating.caseNo);
      back.hidden = false;
    }
  }

  function submit(id, caseNo) {
    var button = document.getElementById('rating-submit');
    var error = document.getElementById('rating-error');
    error.hidden = true;
    button.disabled = true;
    SY.api('POST', '/api/ratings', {
      id: id, caseNo: caseNo || null, overall: chosen.overall, efficiency: chosen.efficiency || null,
      competence: chosen.competence || null, attitude: chosen.attitude || null,
      comment: document.getElementById('rating-comment').value
    }).then(function (result) {
      showThanks(result.data);
    }, function (e) {
      SY.showError(error, e);
      button.disabled = false;
    });
  }

  SY.ready(function (session) {
    var id = visitId();
    var caseNo = SY.query('case');
    document.getElementById('rating-clerk').textContent = session.displayName;
    if (caseNo) {
      document.getElementById('rating-case').textContent = '办件编号：' + caseNo + '　';
    }
    Array.prototype.forEach.call(document.querySelectorAll('fieldset[data-field]'), buildChoices);
    document.getElementById('rating-submit').addEventListener('click', function () { submit(id, caseNo); });
    document.getElementById('rating-form').hidden = false;
  });
}());
