/*
 * The community map: markers for the places in the page's JSON, clustered where
 * they overlap (Leaflet.markercluster, vendored), and filtering of markers and
 * list without a reload. The page works without this script – the filter form
 * is a plain GET form and the list is rendered by the server. Every text the
 * map shows (zoom buttons, attribution, clusters) comes from the page's config
 * in the reader's language.
 */
(function () {
  "use strict";

  var texts = {};

  function text(key, fallback) {
    return texts[key] || fallback;
  }

  function readJSON(id) {
    var el = id && document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function popupContent(place) {
    var box = el("div", "map-popup");
    var title = el("p", "map-popup__name");
    var link = el("a", null, place.name);
    link.href = place.url;
    title.appendChild(link);
    box.appendChild(title);
    if (place.categoryName) box.appendChild(el("p", "map-popup__category", place.categoryName));
    if (place.facilityNames.length) {
      box.appendChild(el("p", "map-popup__facilities", place.facilityNames.join(", ")));
    }
    var more = el("a", "map-popup__more", text("more", "Læs mere om {name}").replace("{name}", place.name));
    more.href = place.url;
    box.appendChild(more);
    return box;
  }

  function listItem(place) {
    var li = el("li", "place-list__item");
    li.dataset.placeId = place.id;
    li.dataset.category = place.category;
    var h3 = el("h3", "place-list__name");
    var link = el("a", null, place.name);
    link.href = place.url;
    h3.appendChild(link);
    li.appendChild(h3);
    var meta = place.categoryName || text("noCategory", "Uden kategori");
    if (place.facilityNames.length) meta += " · " + place.facilityNames.join(", ");
    li.appendChild(el("p", "place-list__meta", meta));
    if (place.intro) li.appendChild(el("p", "place-list__intro", place.intro));
    return li;
  }

  function init() {
    var container = document.getElementById("place-map");
    if (!container || !window.L) return;
    var config = readJSON(container.dataset.mapConfig) || {};
    var places = readJSON(container.dataset.mapPlaces) || [];
    var single = container.hasAttribute("data-single");

    texts = config.texts || {};
    L.Icon.Default.imagePath = config.iconPath;
    var map = L.map(container, { scrollWheelZoom: false, zoomControl: false, maxZoom: 19 })
      .setView(config.center, config.zoom);
    L.control.zoom({ zoomInTitle: texts.zoomIn, zoomOutTitle: texts.zoomOut }).addTo(map);
    map.attributionControl.setPrefix(texts.attributionPrefix || false);
    if (config.tileUrl) {
      // Markers do not depend on tiles: if the tile server fails, the map is just blank.
      L.tileLayer(config.tileUrl, { maxZoom: 19, attribution: config.attribution }).addTo(map);
    } else if (config.attribution) {
      map.attributionControl.addAttribution(config.attribution);
    }

    // A cluster is a button of its own: its number, and what pressing it does.
    function clusterIcon(cluster) {
      var count = cluster.getChildCount();
      var icon = L.divIcon({
        html: "<span>" + count + "</span>",
        className: "map-cluster",
        iconSize: L.point(44, 44)
      });
      var createIcon = icon.createIcon;
      icon.createIcon = function (old) {
        var node = createIcon.call(icon, old);
        node.setAttribute("role", "button");
        node.setAttribute("aria-label", (texts.cluster || "{count}").replace("{count}", count));
        node.title = node.getAttribute("aria-label");
        return node;
      };
      return icon;
    }
    var layer = L.markerClusterGroup({
      maxClusterRadius: 44,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: clusterIcon
    }).addTo(map);

    function showMarkers(list) {
      layer.clearLayers();
      var markers = list.map(function (place) {
        return L.marker([place.lat, place.lng], { title: place.name, alt: place.name, keyboard: true })
          .bindPopup(popupContent(place));
      });
      if (!single && list.length) {
        // Placed before the markers are added, without animation, so the
        // clusters are made once, for the zoom the reader sees.
        var bounds = L.latLngBounds(list.map(function (p) { return [p.lat, p.lng]; }));
        map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15, animate: false });
      }
      layer.addLayers(markers);
    }

    var form = document.querySelector("[data-map-filters]");
    var listEl = document.querySelector("[data-place-list]");
    if (single || !form || !listEl) {
      showMarkers(places);
      return;
    }

    // On load, show exactly the places the server listed, so map and list agree.
    var listed = {};
    listEl.querySelectorAll("[data-place-id]").forEach(function (li) {
      listed[li.dataset.placeId] = true;
    });
    showMarkers(places.filter(function (p) { return listed[String(p.id)]; }));

    var count = document.getElementById("map-count");
    var total = count ? count.dataset.total : places.length;

    function currentFilter() {
      var facilities = [];
      form.querySelectorAll("input[name=facilitet]:checked").forEach(function (cb) {
        facilities.push(cb.value);
      });
      return { category: form.elements.kategori.value, facilities: facilities };
    }

    function matches(place, filter) {
      if (filter.category && place.category !== filter.category) return false;
      return filter.facilities.every(function (f) { return place.facilities.indexOf(f) !== -1; });
    }

    function apply() {
      var filter = currentFilter();
      var shown = places.filter(function (p) { return matches(p, filter); });
      showMarkers(shown);
      listEl.replaceChildren();
      shown.forEach(function (p) { listEl.appendChild(listItem(p)); });
      if (!shown.length) listEl.appendChild(el("li", "place-list__empty", text("empty", "Ingen steder passer til filtrene.")));
      if (count) count.textContent = text("count", "Viser {shown} af {total} steder.")
        .replace("{shown}", shown.length).replace("{total}", total);
      var params = new URLSearchParams();
      if (filter.category) params.append("kategori", filter.category);
      filter.facilities.forEach(function (f) { params.append("facilitet", f); });
      var query = params.toString();
      history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
