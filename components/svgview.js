// argmap SVG viewer: a Graphviz SVG with pan and zoom (the vendored anvaka/panzoom:
// wheel, pinch, drag, arrow keys and +/-), Fit / Fit width / 100% buttons, an overview
// in the corner, and click (or Enter) on a claim to select it.
// Streamlit (components v2) calls the default export on mount and whenever the data
// changes; everything here is idempotent: the SVG is replaced only when its hash
// changes, so the zoom and pan survive a rerun that keeps the diagram.
// `window.panzoom` is set by panzoom.min.js, which diagram.py puts before this file.
const NATURAL = 96 / 72; // Graphviz draws in points: 100% zoom = 4/3 px per unit
const READABLE_PX = 11; // body text never opens smaller than this on screen
const MINI_W = 200, MINI_H = 140;
const SVGNS = "http://www.w3.org/2000/svg";

const TEMPLATE = `
<div class="am-bar" role="toolbar" aria-label="Diagram view">
  <button type="button" data-act="in" title="Zoom in (+)" aria-label="Zoom in">+</button>
  <button type="button" data-act="out" title="Zoom out (-)" aria-label="Zoom out">&minus;</button>
  <button type="button" data-act="fit" title="Show the whole diagram (0)">Fit</button>
  <button type="button" data-act="width" title="Fit the diagram to the width (w)">Fit width</button>
  <button type="button" data-act="actual" title="Actual size (1)">100%</button>
  <span class="am-hint"></span>
  <span class="am-zoom" aria-live="polite"></span>
</div>
<div class="am-stage">
  <div class="am-view" role="group"></div>
  <div class="am-mini" hidden title="Overview: click or drag to move around">
    <canvas></canvas><div class="am-mini-rect"></div>
  </div>
</div>`;

function prepare(svg) {
  // Tooltips: browsers show <title> children, not Graphviz's xlink:title.
  svg.querySelectorAll("a").forEach((a) => {
    const text = a.getAttribute("xlink:title") || a.getAttribute("title");
    if (!text) return;
    const t = document.createElementNS(SVGNS, "title");
    t.textContent = text;
    a.insertBefore(t, a.firstChild);
    a.removeAttribute("xlink:title");
  });
  svg.querySelectorAll("g.node.claim > g > a, g.node.claim > a").forEach((a) => {
    const g = a.closest("g.node.claim");
    const t = a.querySelector("title");
    a.setAttribute("role", "button");
    a.setAttribute("aria-label", "Claim: " + (t ? t.textContent : g.id.slice(6)));
  });
  const vb = svg.viewBox.baseVal;
  const base = { x: vb ? vb.x : 0, y: vb ? vb.y : 0, w: (vb && vb.width) || 1, h: (vb && vb.height) || 1 };
  // the drawing goes into one group that panzoom moves; the SVG fills the view
  const scene = document.createElementNS(SVGNS, "g");
  scene.setAttribute("class", "am-scene");
  const inner = document.createElementNS(SVGNS, "g");
  inner.setAttribute("transform", `translate(${-base.x} ${-base.y})`);
  while (svg.firstChild) inner.appendChild(svg.firstChild);
  scene.appendChild(inner);
  svg.appendChild(scene);
  svg.removeAttribute("viewBox");
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.setAttribute("tabindex", "0");
  svg.setAttribute("focusable", "true");
  return { base, scene };
}

function drawOverview(canvas, scene, ratio, w, h) {
  const dpr = window.devicePixelRatio || 1;
  canvas.width = w * dpr;
  canvas.height = h * dpr;
  const ctx = canvas.getContext("2d");
  ctx.scale(dpr, dpr);
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, w, h);
  const inv = scene.getCTM().inverse();
  const boxes = (selector, fill, stroke) => {
    scene.querySelectorAll(selector).forEach((g) => {
      const shape = g.querySelector("polygon, path, ellipse");
      const bb = g.getBBox();
      const m = inv.multiply(g.getCTM());
      const p = new DOMPoint(bb.x, bb.y).matrixTransform(m);
      const q = new DOMPoint(bb.x + bb.width, bb.y + bb.height).matrixTransform(m);
      ctx.fillStyle = fill || (shape && shape.getAttribute("fill")) || "#ddd";
      ctx.fillRect(p.x * ratio, p.y * ratio, Math.max(1, (q.x - p.x) * ratio), Math.max(1, (q.y - p.y) * ratio));
      if (stroke) {
        ctx.strokeStyle = stroke;
        ctx.strokeRect(p.x * ratio, p.y * ratio, (q.x - p.x) * ratio, (q.y - p.y) * ratio);
      }
    });
  };
  boxes("g.cluster", "#f3f3f3", "#cccccc");
  boxes("g.node.claim");
}

function nodeById(view, id) {
  if (!id) return null;
  return view.querySelector(`g.node.claim[id="claim-${CSS.escape(id)}"]`);
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  if (!data || !data.svg) return;
  let root = parentElement.querySelector(".am-root");
  if (!root) {
    root = document.createElement("div");
    root.className = "am-root";
    root.innerHTML = TEMPLATE;
    parentElement.appendChild(root);
  }
  const view = root.querySelector(".am-view");
  const zoomLabel = root.querySelector(".am-zoom");
  const mini = root.querySelector(".am-mini");
  const miniCanvas = mini.querySelector("canvas");
  const miniRect = mini.querySelector(".am-mini-rect");
  const s = root._am || (root._am = {});
  s.send = setTriggerValue;
  // the selection comes apart from the drawing (selection.js), so that selecting a claim
  // does not send the whole SVG again: a tiny element writes it here and calls select()
  const chosenBy = (window.__argmapSelected = window.__argmapSelected || {});
  const viewers = (window.__argmapViewers = window.__argmapViewers || {});
  const selected = () => chosenBy[data.id] ?? null;
  view.setAttribute("aria-label", data.label || "Argument diagram");
  root.querySelector(".am-hint").textContent = data.hint || "";

  const size = () => ({ W: view.clientWidth || 800, H: view.clientHeight || data.height });
  const readable = () => READABLE_PX / (data.bodyPt || 14); // px per unit for readable text
  const fitScale = () => { const { W, H } = size(); return Math.min(W / s.base.w, H / s.base.h) * 0.98; };
  const widthScale = () => (size().W / s.base.w) * 0.98;
  const now = () => (s.pz ? s.pz.getTransform() : { x: 0, y: 0, scale: 1 });

  const overview = () => {
    const t = now();
    zoomLabel.textContent = Math.round((t.scale / NATURAL) * 100) + "%";
    const { W, H } = size();
    const vx = -t.x / t.scale, vy = -t.y / t.scale, vw = W / t.scale, vh = H / t.scale;
    const whole = vx <= 1 && vy <= 1 && vx + vw >= s.base.w - 1 && vy + vh >= s.base.h - 1;
    mini.hidden = whole || !s.miniScale;
    if (mini.hidden) return;
    const k = s.miniScale;
    const left = Math.max(0, vx * k), top = Math.max(0, vy * k);
    const right = Math.min(s.base.w * k, (vx + vw) * k), bottom = Math.min(s.base.h * k, (vy + vh) * k);
    Object.assign(miniRect.style, { left: left + "px", top: top + "px",
      width: Math.max(4, right - left) + "px", height: Math.max(4, bottom - top) + "px" });
  };
  // place the drawing: `scale` px per unit, the drawing point (cx, cy) at the view's (px, py)
  const place = (scale, cx, cy, px, py) => {
    if (!s.pz) return;
    s.pz.zoomAbs(0, 0, scale);
    s.pz.moveTo(px - cx * scale, py - cy * scale);
    overview();
  };
  const fit = () => {
    const { W, H } = size();
    const k = Math.min(NATURAL, fitScale());
    place(k, s.base.w / 2, 0, W / 2, Math.max(0, (H - s.base.h * k) / 2));
  };
  const fitWidth = () => {
    const { W } = size();
    place(Math.min(NATURAL * 1.5, widthScale()), s.base.w / 2, 0, W / 2, 0);
  };
  const actual = () => {
    const { W, H } = size();
    const t = now();
    const cx = (W / 2 - t.x) / t.scale, cy = (H / 2 - t.y) / t.scale;
    place(NATURAL, cx, cy, W / 2, H / 2);
  };
  const zoomBy = (factor) => {
    const { W, H } = size(), v = view.getBoundingClientRect();
    s.pz.zoomTo(v.left + W / 2, v.top + H / 2, factor);
  };
  const centre = (g) => {
    // the node's centre in drawing units (the scene's own coordinates): panzoom applies
    // its transform on the next frame, so the box on screen may not show it yet
    const bb = g.getBBox();
    const toScene = s.scene.getCTM().inverse().multiply(g.getCTM());
    const p = new DOMPoint(bb.x + bb.width / 2, bb.y + bb.height / 2).matrixTransform(toScene);
    return { x: p.x, y: p.y };
  };
  const start = () => {
    // fitted to the width, but never below readable text, nor above 100%
    const { W, H } = size();
    const k = Math.max(Math.min(NATURAL, widthScale()), readable());
    let h = H;
    if (data.shrink && s.base.h * k + 4 < H) {
      // a short diagram: no empty band under it
      h = Math.max(data.minHeight || 160, Math.ceil(s.base.h * k) + 4);
      view.style.height = h + "px";
    }
    const wide = k * s.base.w > W, tall = k * s.base.h > h;
    place(k, s.base.w / 2, 0, W / 2, 0); // the top, centred: where a reader starts
    const chosen = nodeById(view, data.centre) || nodeById(view, selected());
    const target = chosen
      || (data.initial === "readable" ? view.querySelector("g.node.claim.kind-thesis") : null);
    if (!target || !(wide || tall)) return;
    // the chosen claim in the middle of the view; the thesis a little below the top
    const c = centre(target);
    const py = chosen ? h / 2 : Math.min(h / 4, 160);
    place(k, wide ? c.x : s.base.w / 2, tall ? c.y : 0, W / 2, tall ? py : 0);
  };
  const highlight = (id) => {
    view.querySelectorAll("g.am-selected").forEach((g) => g.classList.remove("am-selected"));
    const g = nodeById(view, id);
    if (g) g.classList.add("am-selected");
    return g;
  };
  const showNode = (g) => {
    const t = now(), c = centre(g), { W, H } = size();
    const x = c.x * t.scale + t.x, y = c.y * t.scale + t.y;
    if (x >= 40 && x <= W - 40 && y >= 30 && y <= H - 30) return; // already in view
    place(t.scale, c.x, c.y, W / 2, H / 2);
  };

  let fresh = false;
  if (s.hash !== data.hash) {
    // the main map takes most of the window's height, never more than asked
    const h = data.fitWindow ? Math.max(data.minHeight || 320,
      Math.min(data.height, Math.round(window.innerHeight * 0.64))) : data.height;
    view.style.height = h + "px";
    if (s.pz) s.pz.dispose();
    // a drawing seen lately (a filter switched back, a page visited again) is reused,
    // not parsed again; kept per tab, a few at a time
    s.drawings = window.__argmapDrawings = window.__argmapDrawings || new Map();
    let prepared = s.drawings.get(data.hash);
    if (prepared && prepared.svg.isConnected && prepared.svg.parentNode !== view) prepared = null;
    if (prepared) {
      if (prepared.pz && prepared.pz !== s.pz) prepared.pz.dispose(); // an earlier viewer's
      view.replaceChildren(prepared.svg);
    } else {
      view.innerHTML = data.svg; // Graphviz output: every label and tooltip escaped by argmap
      const svg = view.querySelector("svg");
      prepared = { svg, ...prepare(svg) };
    }
    s.drawings.delete(data.hash);
    s.drawings.set(data.hash, prepared);
    while (s.drawings.size > 8) s.drawings.delete(s.drawings.keys().next().value);
    s.svg = prepared.svg;
    s.base = prepared.base;
    s.scene = prepared.scene;
    s.hash = data.hash;
    s.lastSelected = undefined;
    fresh = true;
    s.miniScale = 0; // the overview is drawn once the diagram itself is on screen
    s.pz = window.panzoom(prepared.scene, {
      maxZoom: NATURAL * 5,
      minZoom: 0.02,
      smoothScroll: false,
      zoomDoubleClickSpeed: 1, // a double click is not a zoom: clicks select claims
      filterKey: () => false,
    });
    prepared.pz = s.pz;
    s.pz.on("transform", overview);
    s.pz.on("panstart", () => { s.moved = true; view.classList.add("am-dragging"); });
    s.pz.on("panend", () => {
      view.classList.remove("am-dragging");
      setTimeout(() => { s.moved = false; }, 0);
    });
    const ratio = Math.min(MINI_W / s.base.w, MINI_H / s.base.h);
    mini.style.width = Math.max(1, Math.round(s.base.w * ratio)) + "px";
    mini.style.height = Math.max(1, Math.round(s.base.h * ratio)) + "px";
    // the overview: each claim a box in its fill colour, drawn when the browser is idle
    // (a picture of the whole SVG would cost the main thread a second rendering of it)
    const hash = data.hash;
    const later = window.requestIdleCallback || ((f) => setTimeout(f, 300));
    later(() => {
      if (s.hash !== hash) return;
      drawOverview(miniCanvas, s.scene, ratio, Math.round(s.base.w * ratio), Math.round(s.base.h * ratio));
      s.miniScale = ratio;
      overview();
    }, { timeout: 1500 });
  }
  const select = (cid) => {
    const g = highlight(cid);
    if (!fresh && g && cid !== s.lastSelected) showNode(g);
    s.lastSelected = cid;
  };
  viewers[data.id] = { select: (cid) => { fresh = false; select(cid); } };
  select(selected());
  if (fresh && view.clientWidth > 0) start();
  else if (fresh) s.needStart = true; // not laid out yet: place it once it has a size

  // ---- controls (assigned, not added, so a second call does not double them)
  root.querySelector(".am-bar").onclick = (e) => {
    const act = e.target.closest("button")?.dataset.act;
    if (act === "in") zoomBy(1.25);
    else if (act === "out") zoomBy(0.8);
    else if (act === "fit") fit();
    else if (act === "width") fitWidth();
    else if (act === "actual") actual();
  };
  const choose = (target) => {
    const node = target.closest && target.closest("g.node.claim");
    if (!node || !node.id.startsWith("claim-")) return false;
    const id = node.id.slice(6);
    highlight(id);
    s.lastSelected = id;
    chosenBy[data.id] = id;
    s.send("select", id);
    return true;
  };
  view.onclick = (e) => {
    if (e.target.closest && e.target.closest("a")) e.preventDefault(); // never navigate
    if (s.moved) return; // the end of a drag is not a click
    choose(e.target);
  };
  view.onkeydown = (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "Enter" || e.key === " ") { if (choose(e.target)) e.preventDefault(); return; }
    const step = 60, t = now();
    const keys = {
      "+": () => zoomBy(1.25), "=": () => zoomBy(1.25), "-": () => zoomBy(0.8),
      "0": fit, "w": fitWidth, "1": actual,
      ArrowLeft: () => s.pz.moveTo(t.x + step, t.y), ArrowRight: () => s.pz.moveTo(t.x - step, t.y),
      ArrowUp: () => s.pz.moveTo(t.x, t.y + step), ArrowDown: () => s.pz.moveTo(t.x, t.y - step),
    };
    if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
  };
  const miniMove = (e) => {
    const r = mini.getBoundingClientRect();
    const { W, H } = size();
    place(now().scale, (e.clientX - r.left) / s.miniScale, (e.clientY - r.top) / s.miniScale, W / 2, H / 2);
  };
  mini.onpointerdown = (e) => {
    e.stopPropagation();
    mini.setPointerCapture(e.pointerId);
    s.miniDrag = true;
    miniMove(e);
  };
  mini.onpointermove = (e) => { if (s.miniDrag) miniMove(e); };
  mini.onpointerup = mini.onpointercancel = () => { s.miniDrag = false; };
  mini.onmousedown = (e) => e.stopPropagation(); // not a pan of the drawing
  if (s.observer) s.observer.disconnect();
  s.observer = new ResizeObserver(() => {
    if (s.needStart && view.clientWidth > 0) { s.needStart = false; start(); } else overview();
  });
  s.observer.observe(view);
  return () => { if (s.observer) s.observer.disconnect(); s.observer = null; };
}
