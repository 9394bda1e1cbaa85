/* The admin map's marker icons, wherever the static files live.
 *
 * Leaflet finds its marker images through leaflet.css's background URL and
 * expects it to end in "marker-icon.png". Collected for production, the CSS
 * points at a hashed name ("marker-icon.2b3e1faf89f9.png"), Leaflet gives up,
 * and asks for "marker-icon.png" next to the admin page: a 404 and no marker.
 * The images are named from this script's own address instead, which sits in
 * the same static tree (a CDN's STATIC_URL included).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (window.L && script && script.src) {
    window.L.Icon.Default.imagePath = new URL("../vendor/leaflet/images/", script.src).href;
  }
})();
