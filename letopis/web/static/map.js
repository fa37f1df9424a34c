// The incident map: Leaflet with no tile server by default (a plain background and a lat/lon
// grid, so it works offline); circles sized by casualties; popups built from text nodes only.
(function () {
  "use strict";
  var el = document.getElementById("map");
  var dataEl = document.getElementById("map-data");
  if (!el || !dataEl || typeof L === "undefined") { return; }
  var data = JSON.parse(dataEl.textContent);
  var map = L.map(el, { worldCopyJump: true, minZoom: 2, maxZoom: 14 }).setView([45, 60], 3);
  if (data.tiles) {
    L.tileLayer(data.tiles, { maxZoom: 18, attribution: "" }).addTo(map);
  }
  var grid = L.layerGroup().addTo(map);
  function drawGrid() {
    grid.clearLayers();
    var z = map.getZoom();
    var step = z <= 2 ? 30 : z <= 4 ? 10 : z <= 6 ? 5 : z <= 8 ? 1 : 0.5;
    var b = map.getBounds().pad(0.5);
    var style = { color: "#9fb3c4", weight: 1, opacity: 0.7, interactive: false };
    var lat0 = Math.max(-85, Math.floor(b.getSouth() / step) * step), lat1 = Math.min(85, b.getNorth());
    var lon0 = Math.floor(b.getWest() / step) * step, lon1 = b.getEast();
    for (var lat = lat0; lat <= lat1; lat += step) {
      grid.addLayer(L.polyline([[lat, lon0], [lat, lon1]], style));
    }
    for (var lon = lon0; lon <= lon1; lon += step) {
      grid.addLayer(L.polyline([[lat0, lon], [lat1, lon]], style));
    }
    // degree labels along the visible left and bottom edges (text only, our own numbers)
    var view = map.getBounds();
    function label(latlng, text) {
      var icon = L.divIcon({ className: "map-grid-label", html: "", iconSize: null });
      var m = L.marker(latlng, { icon: icon, interactive: false, keyboard: false });
      m.on("add", function () { m.getElement().textContent = text; });
      grid.addLayer(m);
    }
    for (lat = lat0; lat <= lat1; lat += step) {
      if (lat > view.getSouth() && lat < view.getNorth()) {
        label([lat, view.getWest()], Math.abs(lat) + "°" + (lat >= 0 ? "N" : "S"));
      }
    }
    for (lon = lon0; lon <= lon1; lon += step) {
      if (lon > view.getWest() && lon < view.getEast()) {
        var w = ((lon + 540) % 360) - 180;
        label([view.getSouth(), lon], Math.abs(w) + "°" + (w >= 0 ? "E" : "W"));
      }
    }
  }
  map.on("moveend zoomend", drawGrid);
  drawGrid();

  function popup(p) {
    var box = document.createElement("div");
    var a = document.createElement("a");
    a.href = "/incidents/" + encodeURIComponent(p.id);
    a.textContent = (p.date || "дата неизвестна") + (p.place ? " · " + p.place : "");
    box.appendChild(a);
    var line = document.createElement("div");
    line.textContent = "погибли: " + (p.killed == null ? "—" : p.killed) +
      ", ранены: " + (p.wounded == null ? "—" : p.wounded) +
      (p.types && p.types.length ? " · " + p.types.join(", ") : "");
    box.appendChild(line);
    return box;
  }
  var markers = [];
  data.points.forEach(function (p) {
    var victims = (p.killed || 0) + (p.wounded || 0);
    var m = L.circleMarker([p.lat, p.lon], {
      radius: 5 + 3 * Math.sqrt(victims), className: "incident-marker", weight: 1
    }).bindPopup(popup(p));
    m.addTo(map);
    markers.push(m);
    if (location.hash === "#" + p.id) { map.setView([p.lat, p.lon], 8); m.openPopup(); }
  });
  if (markers.length && location.hash.length < 2) {
    map.fitBounds(L.featureGroup(markers).getBounds().pad(0.3), { maxZoom: 7 });
  }
  el.setAttribute("data-markers", String(markers.length));
})();
