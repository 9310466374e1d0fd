/* Leaflet maps over the world-atlas outline: no tile server, so they work on closed networks.
   Usage: <div class="map-world" data-map-source="ID of a json_script" data-world-url="..."></div> */
(function () {
  "use strict";

  function escapeHtml(text) {
    const div = document.createElement("div");
    div.textContent = text == null ? "" : String(text);
    return div.innerHTML;
  }

  function draw(element) {
    const source = document.getElementById(element.dataset.mapSource);
    const data = source ? JSON.parse(source.textContent) : { facilities: [] };
    const facilities = data.facilities || [];
    const map = L.map(element, { worldCopyJump: true, minZoom: 1, maxZoom: 10, attributionControl: true });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Outline: Natural Earth via world-atlas");
    map.setView([30, 10], 2);

    const markers = L.featureGroup(
      facilities.map(function (f) {
        const radius = 5 + Math.min(10, 2 * (f.cases || 1));
        return L.circleMarker([f.lat, f.lon], {
          radius: radius, color: "#b02a37", weight: 2, fillColor: "#dc3545", fillOpacity: 0.7,
          className: "facility-marker",
        }).bindPopup(
          '<a href="' + escapeHtml(f.url) + '">' + escapeHtml(f.name) + "</a><br>" + escapeHtml(f.place || "") +
          (f.cases ? "<br>" + escapeHtml(f.cases) + " case(s)" : "")
        );
      })
    );

    fetch(element.dataset.worldUrl, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (world) {
        const countries = topojson.feature(world, world.objects.countries);
        L.geoJSON(countries, {
          style: { color: "#8a9bb0", weight: 0.6, fillColor: "#f8f9fa", fillOpacity: 1, className: "world-outline" },
          interactive: false,
        }).addTo(map);
        markers.addTo(map);
        markers.bringToFront();
        if (facilities.length) {
          // No animation: a half-finished zoom is a CSS-scaled SVG (thick lines, huge markers).
          map.fitBounds(markers.getBounds().pad(0.5), { maxZoom: data.zoom || 5, animate: false });
        }
        element.dataset.mapReady = "true";
      });
  }

  window.TrackerMap = { draw: draw };
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-map-source]").forEach(draw);
  });
})();
