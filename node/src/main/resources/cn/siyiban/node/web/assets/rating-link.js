/*
 * The 请群众评价 link of the case page and the receipt: it opens the rating page for the case,
 * or shows how the citizen rated once the case has its rating. The page's own script calls
 * SY.ratingLink.load() after the session is loaded.
 */
(function () {
  'use strict';

  function load(caseNo) {
    var link = document.getElementById('rate-link');
    link.href = '/rate?case=' + encodeURIComponent(caseNo);
    SY.api('GET', '/api/cases/' + encodeURIComponent(caseNo) + '/rating').then(function (result) {
      var rating = result.data.rating;
      if (rating) {
        var done = SY.el('span', { id: 'rated', className: 'muted',
          text: '群众已评价：' + rating.overallLabel + (rating.annulled ? '（已作废）' : '') });
        link.parentNode.replaceChild(done, link);
      }
    }, function () { /* The link stays, and the rating page reports any error itself. */ });
  }

  SY.ratingLink = { load: load };
}());
