// Maps of the directory (Leaflet). The pages work without this script: the map page is then the
// list it already shows, the organisation page shows the address. Hooks:
//   [data-directory-map]     the filtered directory, points from data-geojson-url
//   [data-organisation-map]  one organisation at data-latitude / data-longitude
//   [data-pin-map]           the entry forms: a click or a drag sets the latitude and longitude
//                            fields named by data-latitude-input / data-longitude-input
(function () {
  "use strict";

  if (typeof window.L === "undefined") {
    return;
  }

  // Right-to-left pages (ar, fa) put the controls where the reading starts: zoom top right,
  // attribution bottom left. Leaflet's positions are physical, so they are chosen here.
  function isRightToLeft(element) {
    var scope = element.closest("[dir]");
    return Boolean(scope) && scope.getAttribute("dir") === "rtl";
  }

  function createMap(figure) {
    var canvas = figure.querySelector("[data-map-canvas]");
    figure.hidden = false;
    var rtl = isRightToLeft(figure);
    var map = window.L.map(canvas, { scrollWheelZoom: false, zoomControl: false });
    window.L.control.zoom({ position: rtl ? "topright" : "topleft" }).addTo(map);
    map.attributionControl.setPosition(rtl ? "bottomleft" : "bottomright");
    var tileUrl = figure.dataset.tileUrl;
    if (tileUrl) {
      window.L.tileLayer(tileUrl, {
        maxZoom: 19,
        attribution: figure.dataset.tileAttribution || "",
      }).addTo(map);
    }
    return map;
  }

  function popupFor(properties) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = properties.url;
    link.textContent = properties.name;
    var kind = document.createElement("p");
    kind.textContent = properties.kind;
    box.appendChild(link);
    box.appendChild(kind);
    return box;
  }

  function setStatus(figure, text) {
    var status = figure.querySelector("[data-map-status]");
    if (status) {
      status.textContent = text;
    }
  }

  function showDirectory(figure) {
    var map = createMap(figure);
    map.setView([50, 10], 4); // until the points arrive and the map fits them
    fetch(figure.dataset.geojsonUrl, { headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("GeoJSON answered " + response.status);
        }
        return response.json();
      })
      .then(function (collection) {
        var layer = window.L.geoJSON(collection, {
          onEachFeature: function (feature, marker) {
            marker.bindPopup(popupFor(feature.properties));
            marker.options.alt = feature.properties.name;
          },
          pointToLayer: function (feature, latlng) {
            return window.L.marker(latlng, {
              alt: feature.properties.name,
              title: feature.properties.name,
            });
          },
        }).addTo(map);
        if (collection.features.length) {
          map.fitBounds(layer.getBounds(), { padding: [24, 24], maxZoom: 15 });
        }
        figure.dataset.mapLoaded = String(collection.features.length);
        if (collection.truncated) {
          setStatus(figure, figure.dataset.truncatedText);
        }
      })
      .catch(function () {
        setStatus(figure, figure.dataset.errorText);
      });
  }

  function showOrganisation(figure) {
    var map = createMap(figure);
    var position = [parseFloat(figure.dataset.latitude), parseFloat(figure.dataset.longitude)];
    map.setView(position, 15);
    window.L.marker(position, { alt: figure.dataset.name, title: figure.dataset.name }).addTo(map);
    figure.dataset.mapLoaded = "1";
  }

  function coordinatesOf(latitudeInput, longitudeInput) {
    var latitude = parseFloat(latitudeInput.value);
    var longitude = parseFloat(longitudeInput.value);
    if (!isFinite(latitude) || !isFinite(longitude)) {
      return null;
    }
    return [latitude, longitude];
  }

  function pickPin(figure) {
    var latitudeInput = document.getElementById(figure.dataset.latitudeInput);
    var longitudeInput = document.getElementById(figure.dataset.longitudeInput);
    if (!latitudeInput || !longitudeInput) {
      return;
    }
    var map = createMap(figure);
    var marker = null;

    function place(position) {
      if (marker) {
        marker.setLatLng(position);
        return;
      }
      var label = figure.dataset.markerLabel;
      marker = window.L.marker(position, { draggable: true, alt: label, title: label }).addTo(map);
      marker.on("dragend", function () {
        write(marker.getLatLng());
      });
    }

    function write(position) {
      latitudeInput.value = position.lat.toFixed(6);
      longitudeInput.value = position.lng.toFixed(6);
      setStatus(figure, figure.dataset.placedText);
    }

    map.on("click", function (event) {
      place(event.latlng);
      write(event.latlng);
    });
    [latitudeInput, longitudeInput].forEach(function (input) {
      input.addEventListener("change", function () {
        var typed = coordinatesOf(latitudeInput, longitudeInput);
        if (typed) {
          place(typed);
          map.panTo(typed);
        }
      });
    });

    var start = coordinatesOf(latitudeInput, longitudeInput);
    var bounds = (figure.dataset.bounds || "").split(",").map(parseFloat);
    if (start) {
      map.setView(start, 16);
      place(start);
    } else if (bounds.length === 4 && bounds.every(isFinite)) {
      map.fitBounds([[bounds[0], bounds[1]], [bounds[2], bounds[3]]]);
    } else {
      map.setView([50, 10], 4);
    }
    figure.dataset.mapLoaded = "1";
  }

  document.querySelectorAll("[data-directory-map]").forEach(showDirectory);
  document.querySelectorAll("[data-pin-map]").forEach(pickPin);
  document.querySelectorAll("[data-organisation-map]").forEach(showOrganisation);
})();
