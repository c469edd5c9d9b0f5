// The interactive layer of `timeline build --format html`: filters, a time axis, deep links.
// The page is complete without it. Author text is never parsed as HTML here: the script only
// reads textContent, writes textContent, and toggles `hidden` on the server-rendered events.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("_data").textContent);
  const items = Array.from(document.querySelectorAll("li.event"));
  if (items.length !== data.events.length) return; // not a page this script knows: leave it as it is
  const form = document.getElementById("_filters");
  const tools = document.getElementById("_tools");
  const box = document.getElementById("_axis-box");
  const hint = document.getElementById("_axis-hint");
  const count = document.getElementById("_count");
  const fields = {
    q: form.elements.namedItem("q"), actor: form.elements.namedItem("actor"),
    controversy: form.elements.namedItem("controversy"), kind: form.elements.namedItem("kind"),
    register: form.elements.namedItem("register"), from: form.elements.namedItem("from"),
    to: form.elements.namedItem("to"),
  };
  const total = items.length;
  const NS = "http://www.w3.org/2000/svg";
  const LANE = 30, AXIS = 24, BREAK = 16, PAD = 4;
  const hintText = hint.textContent;

  // Events by year section, to hide a year heading when none of its events match.
  const sections = Array.from(document.querySelectorAll("section.year"));
  const sectionOf = new Int32Array(total);
  const shownIn = new Int32Array(sections.length);
  let next = 0; // sections and events are both in document order
  sections.forEach(function (section, s) {
    const n = section.querySelectorAll("li.event").length;
    for (let k = 0; k < n; k++) sectionOf[next++] = s;
  });

  const indexOf = new Map(items.map(function (li, i) { return [li.id, i]; }));
  const actorIndex = new Map(data.actors.map(function (id, i) { return [id, i]; }));
  const laneIndex = new Map(data.lanes.map(function (slug, i) { return [slug, i]; }));

  // Search text: title and summary, lower case, accents removed (as `--text` does). Built when
  // the browser is idle, or at the first search.
  let texts = null;
  function fold(text) { return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase(); }
  function searchTexts() {
    if (!texts) {
      texts = items.map(function (li) {
        const summary = li.querySelector(".summary");
        return fold(li.querySelector("h3").textContent + "\n" + (summary ? summary.textContent : ""));
      });
    }
    return texts;
  }

  function readForm() {
    return {
      words: fold(fields.q.value).split(/\s+/).filter(Boolean),
      actor: fields.actor.value ? actorIndex.get(fields.actor.value) : undefined,
      lane: laneOf(fields.controversy.value),
      kind: fields.kind.value ? data.kinds.indexOf(fields.kind.value) : -1,
      register: fields.register.value ? 1 << data.registers.indexOf(fields.register.value) : 0,
      from: year(fields.from.value), to: year(fields.to.value),
    };
  }
  // "-" is the option for events without a controversy (no slug can be "-"); "" is any.
  function laneOf(value) { return value ? laneIndex.get(value === "-" ? "" : value) : -1; }
  function year(text) { return /^\s*-?\d{1,6}\s*$/.test(text) ? parseInt(text, 10) : null; }

  function matches(i, f) {
    const e = data.events[i];
    if (f.kind >= 0 && e[3] !== f.kind) return false;
    if (f.register && !(e[4] & f.register)) return false;
    if (f.lane !== -1 && e[2] !== f.lane) return false;
    if (f.actor !== undefined && e[5].indexOf(f.actor) < 0) return false;
    if (f.from !== null && e[1] !== null && e[1] <= f.from) return false;
    if (f.to !== null && e[0] !== null && e[0] >= f.to + 1) return false;
    if (f.words.length) {
      const text = searchTexts()[i];
      for (const word of f.words) if (text.indexOf(word) < 0) return false;
    }
    return true;
  }

  let shown = [];
  const hidden = new Uint8Array(total); // mirrors items[i].hidden, without a DOM read per event
  let hashTimer = 0, drawFrame = 0;
  function apply(writeHash) {
    const f = readForm();
    const before = shown;
    shown = [];
    shownIn.fill(0);
    for (let i = 0; i < total; i++) {
      const ok = matches(i, f);
      if (hidden[i] === (ok ? 1 : 0)) { hidden[i] = ok ? 0 : 1; items[i].hidden = !ok; }
      if (ok) { shown.push(i); shownIn[sectionOf[i]]++; }
    }
    sections.forEach(function (section, s) {
      if (section.hidden !== (shownIn[s] === 0)) section.hidden = shownIn[s] === 0;
    });
    count.textContent = shown.length === total
      ? total + (total === 1 ? " event" : " events")
      : shown.length + " of " + total + " events match";
    // The URL and the axis follow a moment later: typing in the words box stays fluid.
    if (writeHash) {
      clearTimeout(hashTimer);
      hashTimer = setTimeout(function () { history.replaceState(null, "", fragment()); }, 250);
    }
    const same = before.length === shown.length && shown.every(function (v, k) { return v === before[k]; });
    if (!same && !drawFrame) drawFrame = requestAnimationFrame(function () { drawFrame = 0; draw(); });
  }

  function fragment() {
    const params = new URLSearchParams();
    for (const name of ["q", "actor", "controversy", "kind", "register", "from", "to"]) {
      const field = fields[name];
      if (field.value.trim()) params.set(name, field.value.trim());
    }
    const text = params.toString();
    return text ? "#" + text : location.pathname + location.search;
  }

  function readHash() {
    const hash = location.hash.slice(1);
    if (hash.indexOf("=") >= 0) {
      const params = new URLSearchParams(hash);
      clear();
      for (const name in fields) {
        if (params.has(name)) fields[name].value = params.get(name);
      }
      apply(false);
      return;
    }
    let id = hash;
    try { id = decodeURIComponent(hash); } catch (error) { /* keep it as written */ }
    if (indexOf.has(id)) goTo(indexOf.get(id));
  }

  // Bring an event into view and focus it, clearing filters that hide it.
  // The axis is drawn first: its height changes with the lanes, and would move the event.
  function goTo(i) {
    if (items[i].hidden) { clear(); apply(false); }
    current = i;
    if (drawFrame) { cancelAnimationFrame(drawFrame); drawFrame = 0; }
    draw();
    items[i].tabIndex = -1; // focusable by script only
    items[i].scrollIntoView({ block: "start" });
    items[i].focus({ preventScroll: true });
  }

  // Not form.reset(): its `reset` event would rewrite the URL, and drop the event's #id.
  function clear() {
    for (const name in fields) fields[name].value = "";
  }

  // The time axis: years on a piecewise-linear scale (long empty gaps are cut), one lane per
  // controversy with matching events, one path per lane for short events and one for spans.
  let current = -1, geometry = null, brushStart = null;

  function svg(name, attributes, parent) {
    const node = document.createElementNS(NS, name);
    for (const key in attributes) node.setAttribute(key, attributes[key]);
    if (parent) parent.appendChild(node);
    return node;
  }

  // Years on the axis: long stretches without events are cut (a break mark), and each year is
  // wider the more events start in it (1 + 2√n units), so that a busy year can be read.
  function scale(list, width) {
    let lo = Infinity, hi = -Infinity;
    for (const i of list) {
      const e = data.events[i];
      for (const v of [e[0], e[1]]) if (v !== null) { if (v < lo) lo = v; if (v > hi) hi = v; }
    }
    if (lo === Infinity) { lo = 0; hi = 1; }
    // Gaps wider than this are cut: 5% of the range, between 2 and 50 years.
    const tolerance = Math.min(Math.max(2, (hi - lo) / 20), 50);
    // An open end (`../1985`, `2017/..`) reaches the edge of the axis, but does not stretch it.
    const spans = list.map(function (i) {
      const e = data.events[i];
      const s = e[0] === null ? (e[1] === null ? lo : e[1]) : e[0];
      return [s, e[1] === null ? s : e[1]];
    }).sort(function (a, b) { return a[0] - b[0]; });
    const segments = [];
    for (const [s, e] of spans) {
      const last = segments[segments.length - 1];
      if (last && s <= last[1] + tolerance) { if (e > last[1]) last[1] = e; } else segments.push([s, e]);
    }
    // Years are counted in bins of `unit` years: 1, or 10, 100... when the axis covers millennia.
    let covered = 0, unit = 1;
    for (const g of segments) covered += g[1] - g[0] + 1;
    while (covered / unit > 4000) unit *= 10;
    const counts = new Map();
    for (const span of spans) {
      const bin = Math.floor(span[0] / unit);
      counts.set(bin, (counts.get(bin) || 0) + 1);
    }
    let units = 0;
    const parts = segments.map(function (g) {
      const first = Math.floor(g[0] / unit), bins = Math.max(Math.ceil(g[1] / unit) - first, 1);
      const cum = new Float64Array(bins + 1);
      for (let k = 0; k < bins; k++) cum[k + 1] = cum[k] + 1 + 2 * Math.sqrt(counts.get(first + k) || 0);
      units += cum[bins];
      return { y0: first * unit, y1: (first + bins) * unit, bins: bins, cum: cum, x: 0, w: 0 };
    });
    const perUnit = (width - 2 * PAD - BREAK * (parts.length - 1)) / units;
    let offset = PAD;
    for (const p of parts) {
      for (let k = 0; k < p.cum.length; k++) p.cum[k] *= perUnit;
      p.x = offset;
      p.w = p.cum[p.bins];
      offset += p.w + BREAK;
    }
    function x(t) {
      let a = 0, b = parts.length - 1;
      while (a < b) { const mid = (a + b + 1) >> 1; if (parts[mid].y0 <= t) a = mid; else b = mid - 1; }
      const p = parts[a];
      const u = Math.min(Math.max((t - p.y0) / unit, 0), p.bins);
      const k = Math.min(Math.floor(u), p.bins - 1);
      return p.x + p.cum[k] + (u - k) * (p.cum[k + 1] - p.cum[k]);
    }
    function time(px) {
      const p = parts.find(function (q) { return px <= q.x + q.w; }) || parts[parts.length - 1];
      const u = Math.min(Math.max(px - p.x, 0), p.w);
      let k = 0;
      while (k < p.bins - 1 && p.cum[k + 1] <= u) k++;
      return p.y0 + (k + (u - p.cum[k]) / (p.cum[k + 1] - p.cum[k])) * unit;
    }
    return { parts: parts, unit: unit, x: x, time: time };
  }

  function yearLabel(y) {
    const shown = y > 0 ? y : 1 - y;
    const text = shown < 10000 ? String(shown) : String(shown).replace(/\B(?=(\d{3})+$)/g, ",");
    return y > 0 ? text : text + " BC";
  }

  function draw() {
    box.textContent = "";
    const width = box.clientWidth;
    if (!shown.length || !width) { geometry = null; return; }
    const lanes = [];
    const members = new Map();
    for (const i of shown) {
      const lane = data.events[i][2];
      if (!members.has(lane)) { members.set(lane, []); lanes.push(lane); }
      members.get(lane).push(i);
    }
    lanes.sort(function (a, b) { return a - b; });
    const height = lanes.length * LANE + AXIS;
    const root = svg("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height,
      "aria-hidden": "true", focusable: "false" }, box);
    const sc = scale(shown, width);
    const top = lanes.length * LANE;
    for (let row = 0; row < lanes.length; row += 2) {
      svg("rect", { x: 0, y: row * LANE, width: width, height: LANE, class: "band" }, root);
    }
    svg("line", { x1: 0, x2: width, y1: top + 0.5, y2: top + 0.5, class: "axis-line" }, root);
    // Year labels that do not touch: each segment's first year, then round years first. A label
    // near the right edge is pulled left of its tick.
    const labels = [];
    for (const rank of [0, 100, 10, 5, 2, 1]) {
      for (const p of sc.parts) {
        for (let k = 0; k < p.bins; k++) {
          const y = p.y0 + k * sc.unit;
          if (rank ? y % (rank * sc.unit) !== 0 : k !== 0) continue;
          const px = p.x + p.cum[k], text = yearLabel(y), room = text.length * 6.5 + 4;
          const left = Math.max(Math.min(px + 2, width - room), 0);
          if (labels.some(function (l) { return left < l.left + l.room + 10 && l.left < left + room + 10; })) continue;
          labels.push({ px: px, left: left, room: room, text: text });
        }
      }
    }
    for (const label of labels) {
      svg("line", { x1: label.px, x2: label.px, y1: 0, y2: top + 5, class: "tick" }, root);
      svg("text", { x: label.left, y: top + 17 }, root).textContent = label.text;
    }
    for (const p of sc.parts.slice(1)) {
      const bx = p.x - BREAK / 2;
      svg("path", { d: "M" + (bx - 4) + " " + (top + 8) + "l4 -12M" + bx + " " + (top + 8) + "l4 -12",
        class: "break" }, root);
    }
    const x0 = new Float32Array(total), x1 = new Float32Array(total);
    lanes.forEach(function (lane, row) {
      const y = row * LANE;
      const label = svg("text", { x: PAD, y: y + 11 }, root);
      const list = members.get(lane);
      label.textContent = (data.lanes[lane] || data.noLane) + " (" + list.length + ")";
      let points = "", spans = "";
      for (const i of list) {
        const e = data.events[i];
        const a = sc.x(e[0] === null ? sc.parts[0].y0 : e[0]);
        const b = sc.x(e[1] === null ? sc.parts[sc.parts.length - 1].y1 : e[1]);
        x0[i] = a; x1[i] = b;
        if (b - a < 6) {
          const mid = (a + b) / 2 - 1.5;
          points += "M" + mid.toFixed(1) + " " + (y + 14) + "h3v12h-3z";
        } else {
          spans += "M" + a.toFixed(1) + " " + (y + 22) + "H" + b.toFixed(1) + "v4H" + a.toFixed(1) + "z";
        }
      }
      const colour = "lane lane" + (lane % 8);
      if (spans) svg("path", { d: spans, class: colour, "fill-opacity": 0.45 }, root);
      if (points) svg("path", { d: points, class: colour }, root);
    });
    if (current >= 0 && !items[current].hidden && members.has(data.events[current][2])) {
      const row = lanes.indexOf(data.events[current][2]);
      const a = x0[current], b = Math.max(x1[current], a + 3);
      svg("rect", { x: a - 2, y: row * LANE + 12, width: b - a + 4, height: 16, class: "current" }, root);
    }
    geometry = { root: root, lanes: lanes, members: members, x0: x0, x1: x1, scale: sc, top: top };
  }

  function nearest(event) {
    if (!geometry) return -1;
    const rect = geometry.root.getBoundingClientRect();
    const px = event.clientX - rect.left, py = event.clientY - rect.top;
    const row = Math.floor(py / LANE);
    if (row < 0 || row >= geometry.lanes.length) return -1;
    let best = -1, bestDistance = 12, bestWidth = Infinity;
    for (const i of geometry.members.get(geometry.lanes[row])) {
      const a = geometry.x0[i], b = Math.max(geometry.x1[i], a + 3);
      const distance = px < a ? a - px : px > b ? px - b : 0;
      if (distance < bestDistance || (distance === bestDistance && b - a < bestWidth)) {
        best = i; bestDistance = distance; bestWidth = b - a;
      }
    }
    return best;
  }

  function describe(i) {
    const date = items[i].querySelector(".date");
    return (date ? date.textContent + " — " : "") + items[i].querySelector("h3").textContent;
  }

  box.addEventListener("pointermove", function (event) {
    if (brushStart !== null) { brush(event); return; }
    const i = nearest(event);
    hint.textContent = i >= 0 ? describe(i) : hintText;
  });
  box.addEventListener("pointerleave", function () { if (brushStart === null) hint.textContent = hintText; });
  box.addEventListener("pointerdown", function (event) {
    if (!geometry || event.button !== 0) return;
    brushStart = event.clientX - geometry.root.getBoundingClientRect().left;
    box.setPointerCapture(event.pointerId);
  });
  box.addEventListener("pointerup", function (event) {
    if (brushStart === null || !geometry) return;
    const end = event.clientX - geometry.root.getBoundingClientRect().left;
    const start = brushStart;
    brushStart = null;
    if (Math.abs(end - start) < 6) {
      const i = nearest(event);
      if (i >= 0) location.hash = items[i].id;
      return;
    }
    const from = Math.floor(geometry.scale.time(Math.min(start, end)));
    const to = Math.floor(geometry.scale.time(Math.max(start, end)));
    fields.from.value = String(from);
    fields.to.value = String(to);
    hint.textContent = hintText;
    apply(true);
  });
  function brush(event) {
    const px = event.clientX - geometry.root.getBoundingClientRect().left;
    let rect = geometry.root.querySelector(".brush");
    if (!rect) rect = svg("rect", { class: "brush", y: 0, height: geometry.top }, geometry.root);
    rect.setAttribute("x", Math.min(px, brushStart));
    rect.setAttribute("width", Math.abs(px - brushStart));
    const a = Math.floor(geometry.scale.time(Math.min(px, brushStart)));
    const b = Math.floor(geometry.scale.time(Math.max(px, brushStart)));
    hint.textContent = "Keep " + yearLabel(a) + (a === b ? "" : " – " + yearLabel(b));
  }

  form.addEventListener("input", function () { apply(true); });
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  window.addEventListener("hashchange", readHash);
  let lastWidth = 0;
  window.addEventListener("resize", function () {
    if (box.clientWidth !== lastWidth) { lastWidth = box.clientWidth; draw(); }
  });

  tools.addEventListener("toggle", function () { lastWidth = box.clientWidth; draw(); });

  tools.hidden = false;
  // Open on a wide screen; on a phone the events come first, the tools one tap away.
  tools.open = window.matchMedia("(min-width: 40rem)").matches || location.hash.indexOf("=") >= 0;
  lastWidth = box.clientWidth;
  apply(false);
  readHash();
  (window.requestIdleCallback || setTimeout)(searchTexts);
})();
