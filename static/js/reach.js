/* Vores Ishøj: counts one page view, without cookies or personal data. */
(function (d, n) {
  var s = d.currentScript;
  if (!s || !n.sendBeacon || n.webdriver) return;
  function send() {
    n.sendBeacon(s.dataset.u, JSON.stringify({ p: +s.dataset.p || null, r: d.referrer, q: location.search }));
  }
  if (d.prerendering) d.addEventListener("prerenderingchange", send, { once: true });
  else send();
})(document, navigator);
