// Draws report.html from the JSON blob in #report-data. Data is only ever put into the page as text (textContent) or
// as chart values, never as markup, so ids and feature names cannot inject HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var palette = ["#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];
  var flaggedColor = "#d62728";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function time(seconds) {
    return new Date(seconds * 1000).toISOString().replace(".000Z", "Z").replace("T", " ");
  }

  function hasValues(values) {
    return values.some(function (v) { return v !== null && v !== undefined; });
  }

  function chart(parent, id, title, xs, series, options) {
    var box = el("div", { "class": "chart", "data-chart": id });
    box.appendChild(el("h4", {}, title));
    parent.appendChild(box);
    var width = Math.max(320, Math.min(parent.clientWidth || 900, 1100));
    var opts = {
      width: width,
      height: (options && options.height) || 220,
      series: [{}].concat(series.map(function (s) {
        return { label: s.label, stroke: s.color, width: s.width || 1.5, dash: s.dash, spanGaps: false, points: { show: xs.length < 60 } };
      })),
      scales: { x: { time: true } },
      axes: [{}, { size: 60 }],
      bands: options && options.bands,
      legend: { live: false }
    };
    if (xs.length === 1) {
      // One point still deserves a visible x-range.
      opts.scales.x.range = [xs[0] - 1800, xs[0] + 1800];
    }
    new uPlot(opts, [xs].concat(series.map(function (s) { return s.values; })), box);
    return box;
  }

  function note(parent, text) {
    parent.appendChild(el("p", { "class": "note" }, text));
  }

  function section(parent, id, title) {
    var s = el("section", { "class": "block", "data-section": id });
    s.appendChild(el("h3", {}, title));
    parent.appendChild(s);
    return s;
  }

  function renderIncidents(root) {
    var s = el("section", { id: "incidents", "data-section": "incidents" });
    s.appendChild(el("h2", {}, "Alert timeline (" + data.incidents.length + " incidents)"));
    root.appendChild(s);
    if (data.incidents.length === 0) { note(s, "No alert episodes in this range."); return; }
    var span = Math.max(1, data.to - data.from);
    data.incidents.forEach(function (incident) {
      var box = el("div", { "class": "incident sev-" + incident.peakSeverity, "data-incident": incident.id, "data-grouped-by": incident.groupedBy });
      box.appendChild(el("h4", {}, (incident.groupedBy === "incident" ? "Incident " : "Alerts of ") + incident.id.replace(/^model:/, "") +
        " — " + incident.peakSeverity + ", " + time(incident.firstSeen) + " → " + time(incident.lastSeen)));
      incident.episodes.forEach(function (e) {
        var row = el("div", { "class": "episode", "data-episode": e.id });
        var label = el("span", { "class": "episode-label" }, e.modelId + " " + e.modelVersion + " · " + e.kind + (e.subkind ? "/" + e.subkind : "") +
          (e.feature ? " · " + e.feature : "") + " · " + e.state + (e.causeModelId ? " · caused by " + e.causeModelId : ""));
        var track = el("span", { "class": "track" });
        var bar = el("span", { "class": "bar sev-" + e.peakSeverity, title: e.message || "" });
        var left = Math.max(0, Math.min(100, (e.firstSeen - data.from) / span * 100));
        var width = Math.max(0.6, Math.min(100 - left, (e.lastSeen - e.firstSeen) / span * 100));
        bar.style.left = left + "%";
        bar.style.width = width + "%";
        track.appendChild(bar);
        row.appendChild(label);
        row.appendChild(track);
        box.appendChild(row);
      });
      s.appendChild(box);
    });
  }

  function renderDrift(parent, model) {
    var s = section(parent, "drift", "Drift scores and thresholds");
    if (model.drift.length === 0) { note(s, "No drift check results in this range."); return; }
    model.drift.slice(0, 16).forEach(function (d, i) {
      var threshold = d.times.map(function () { return d.threshold; });
      chart(s, "drift", d.feature + " (" + d.version + ", " + d.method + (d.lowerIsWorse ? ": drift below" : ": drift above") + " " + d.threshold + ")", d.times, [
        { label: "score", values: d.scores, color: palette[i % palette.length] },
        { label: "threshold", values: threshold, color: flaggedColor, dash: [6, 4] }
      ], { height: 160 });
    });
    if (model.drift.length > 16) { note(s, (model.drift.length - 16) + " more series not drawn."); }
  }

  function renderServing(parent, model) {
    var s = section(parent, "serving", "Serving");
    var sv = model.serving;
    if (sv.hours.length === 0) { note(s, "No served hours in this range."); return; }
    var requests = [{ label: "all versions", values: sv.requests, color: "#333", width: 2 }];
    var bands;
    if (hasValues(sv.bandUpper)) {
      requests.push({ label: "band upper (±" + Math.round(sv.hourlyThreshold * 100) + "%)", values: sv.bandUpper, color: "#aaa", dash: [4, 4] });
      requests.push({ label: "band lower", values: sv.bandLower, color: "#aaa", dash: [4, 4] });
      bands = [{ series: [2, 3], fill: "rgba(31,119,180,0.10)" }];
    }
    sv.byVersion.forEach(function (v, i) { requests.push({ label: v.version, values: v.requests, color: palette[i % palette.length] }); });
    chart(s, "requests", "Requests per hour", sv.hours, requests, { bands: bands });
    if (!hasValues(sv.bandUpper)) { note(s, "Hourly band: not enough earlier days in this range (needs 3 days or a week)."); }
    var wk = sv.weekly;
    if (wk.dayEnds.length > 0) {
      chart(s, "weekly", "Requests over the 7 days to each day's end, and the weekly band (±" + Math.round(wk.threshold * 100) + "% of the weeks before)", wk.dayEnds, [
        { label: "7 days", values: wk.requests, color: "#333", width: 2 },
        { label: "band upper", values: wk.bandUpper, color: "#aaa", dash: [4, 4] },
        { label: "band lower", values: wk.bandLower, color: "#aaa", dash: [4, 4] }
      ], { bands: [{ series: [2, 3], fill: "rgba(31,119,180,0.10)" }], height: 160 });
    } else {
      note(s, "Weekly band: needs 14 complete days in this range.");
    }
    chart(s, "error-rate", "Error rate by version", sv.hours, sv.byVersion.map(function (v, i) {
      return { label: v.version, values: v.errorRate, color: palette[i % palette.length] };
    }));
    var latency = [];
    sv.byVersion.forEach(function (v, i) {
      latency.push({ label: v.version + " p50", values: v.latencyP50, color: palette[i % palette.length], dash: [2, 3] });
      latency.push({ label: v.version + " p95", values: v.latencyP95, color: palette[i % palette.length] });
      latency.push({ label: v.version + " p99", values: v.latencyP99, color: palette[i % palette.length], width: 2.5 });
    });
    chart(s, "latency", "Latency (ms) p50 / p95 / p99 by version", sv.hours, latency);
  }

  function renderCallers(parent, model) {
    var s = section(parent, "callers", "Requests per caller");
    var callers = model.callers.callers;
    if (callers.length === 0) { note(s, "No caller ids in this range."); return; }
    chart(s, "callers", "Requests per hour by caller (flagged in red)", model.serving.hours, callers.map(function (c, i) {
      return { label: c.caller + (c.flagged ? " (flagged)" : ""), values: c.requests, color: c.flagged ? flaggedColor : palette[i % palette.length], width: c.flagged ? 3 : 1.2 };
    }));
    var table = el("table", { "class": "callers" });
    var head = el("tr");
    ["caller", "requests", "flagged"].forEach(function (h) { head.appendChild(el("th", {}, h)); });
    table.appendChild(head);
    callers.forEach(function (c) {
      var row = el("tr", { "data-caller": c.caller, "data-flagged": String(c.flagged), "class": c.flagged ? "flagged" : "" });
      row.appendChild(el("td", {}, c.caller));
      row.appendChild(el("td", {}, c.total));
      row.appendChild(el("td", {}, c.flagged ? "abuse episode" : ""));
      table.appendChild(row);
    });
    s.appendChild(table);
  }

  function renderQuality(parent, model) {
    var s = section(parent, "quality", "Label-based metrics");
    var q = model.quality;
    var metrics = [["accuracy", q.accuracy], ["macro F1", q.macroF1], ["MAE", q.mae], ["ECE", q.ece], ["CTR", q.ctr]]
      .filter(function (m) { return hasValues(m[1]); });
    if (q.times.length === 0 || metrics.length === 0) { note(s, "No labelled windows yet: metrics fill in as labels arrive."); return; }
    chart(s, "quality", "Quality of checked windows", q.times, metrics.map(function (m, i) {
      return { label: m[0], values: m[1], color: palette[i % palette.length] };
    }));
    chart(s, "labelled", "Labelled outcomes per window", q.times, [{ label: "labelled", values: q.labelled, color: "#555" }], { height: 140 });
  }

  function renderRollbacks(parent, model) {
    var s = section(parent, "rollbacks", "Rollbacks");
    if (model.rollbacks.length === 0) { note(s, "No rollbacks in this range."); return; }
    model.rollbacks.forEach(function (r) {
      var box = el("div", { "class": "rollback", "data-rollback": r.instanceId });
      box.appendChild(el("h4", {}, r.site + ": " + (r.fromVersion || "?") + " → " + (r.toVersion || "?") + " — " + r.outcome +
        (r.dryRun ? " (dry run)" : "") + ", by " + r.requestedBy + " at " + time(r.recordedAt)));
      box.appendChild(el("p", { "class": "note" }, r.reason));
      var list = el("ol", { "class": "steps" });
      r.steps.forEach(function (step) {
        var item = el("li", { "data-step": step.name, "class": "step-" + step.status }, step.at + " · " + step.name + " · " + step.status + (step.detail ? " · " + step.detail : ""));
        list.appendChild(item);
      });
      box.appendChild(list);
      s.appendChild(box);
    });
  }

  var root = document.getElementById("report");
  root.appendChild(el("p", { "class": "note" }, "Range " + time(data.from) + " → " + time(data.to) + " · generated " + time(data.generatedAt)));
  renderIncidents(root);
  data.models.forEach(function (model) {
    var s = el("section", { "class": "model", "data-model": model.modelId });
    s.appendChild(el("h2", {}, "Model " + model.modelId + " (" + model.versions.join(", ") + ")"));
    root.appendChild(s);
    renderDrift(s, model);
    renderServing(s, model);
    renderCallers(s, model);
    renderQuality(s, model);
    renderRollbacks(s, model);
  });
  if (data.models.length === 0) { note(root, "No models stored in this range."); }
  document.body.setAttribute("data-rendered", "true");
})();
