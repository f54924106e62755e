/* mapgen's map runtime: draws event layers, legend, title and panels from JSON specs.
 * Every text that comes from input data is set with textContent, never as HTML. */
(function () {
  "use strict";
  var mapgen = window.mapgen = window.mapgen || { layers: {}, specs: {} };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function icon(spec, precision) {
    return L.divIcon({
      className: "mapgen-icon" + (precision === 2 ? " mapgen-near" : ""),
      html: spec.icon,  // our own SVG, from the category style table
      iconSize: [26, 26], iconAnchor: [13, 13], popupAnchor: [0, -12], tooltipAnchor: [12, 0]
    });
  }

  function popup(spec, f) {
    var root = el("div", "mapgen-popup");
    root.appendChild(el("h3", null, f.title));
    var table = el("table");
    f.rows.forEach(function (row) {
      var tr = el("tr");
      tr.appendChild(el("th", null, row[0]));
      tr.appendChild(el("td", row[2] || null, row[1]));
      table.appendChild(tr);
    });
    root.appendChild(table);
    if (f.quote) { root.appendChild(el("blockquote", null, f.quote)); }
    root.appendChild(el("small", null, f.id));
    return root;
  }

  mapgen.layer = function (spec) {
    var group = L.featureGroup();
    spec.features.forEach(function (f) {
      var layer;
      if (f.kind === "flow") {
        var line = L.polyline(f.path, { color: spec.color, weight: f.weight, opacity: 0.85,
                                        dashArray: f.precision > 1 ? "8 6" : null });
        var head = L.polylineDecorator(line, { patterns: [{ offset: "100%", repeat: 0,
          symbol: L.Symbol.arrowHead({ pixelSize: 9 + f.weight * 1.5, polygon: true,
            pathOptions: { stroke: false, fill: true, fillColor: spec.color, fillOpacity: 0.95 } }) }] });
        layer = L.featureGroup([line, head]);
      } else if (f.kind === "area") {
        layer = L.circle([f.lat, f.lon], { radius: f.radius, color: spec.color, weight: 2,
                                           dashArray: "4 6", fillColor: spec.color, fillOpacity: 0.08 });
      } else {
        layer = L.marker([f.lat, f.lon], { icon: icon(spec, f.precision), keyboard: true });
      }
      layer.bindPopup(function () { return popup(spec, f); }, { maxWidth: 360 });
      layer.bindTooltip(el("span", null, f.tooltip), { sticky: true });
      layer.mapgenEvent = f.id;
      group.addLayer(layer);
    });
    mapgen.layers[spec.category] = group;
    mapgen.specs[spec.category] = spec;
    return group;
  };

  function panel(position, build) {
    var control = L.control({ position: position });
    control.onAdd = function () {
      var div = el("div", "mapgen-panel leaflet-control");
      build(div);
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    return control;
  }

  mapgen.legend = function (map, spec) {
    return panel("bottomleft", function (div) {
      div.classList.add("mapgen-legend");
      var details = el("details");
      details.open = map.getSize().x >= 700;  // folded in small embeds
      details.appendChild(el("summary", null, spec.heading));
      spec.notes.forEach(function (note) { details.appendChild(el("div", "mapgen-legend-note", note)); });
      div.appendChild(details);
    }).addTo(map);
  };

  mapgen.title = function (map, spec) {
    var box = el("div", "mapgen-title mapgen-panel");
    box.appendChild(el("h1", null, spec.title));
    if (spec.subtitle) { box.appendChild(el("p", null, spec.subtitle)); }
    map.getContainer().appendChild(box);
    return box;
  };

  mapgen.unplaced = function (map, spec) {
    return panel("bottomright", function (div) {
      div.classList.add("mapgen-unplaced");
      var details = el("details");
      details.appendChild(el("summary", null, spec.heading));
      var list = el("ul");
      spec.items.forEach(function (item) { list.appendChild(el("li", null, item)); });
      details.appendChild(list);
      div.appendChild(details);
    }).addTo(map);
  };
}());
