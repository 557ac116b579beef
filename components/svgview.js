// argmap SVG viewer: pan, zoom, fit, and click-to-select on a Graphviz SVG.
// Streamlit (components v2) calls the default export on mount and whenever the
// data changes; everything here is idempotent: the SVG is replaced only when
// its hash changes, so the zoom and pan survive a rerun that keeps the diagram.
const NATURAL = 96 / 72; // Graphviz draws in points: 100% zoom = 4/3 px per unit

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
  <div class="am-view" tabindex="0" role="group"></div>
  <div class="am-mini" hidden title="Overview: click or drag to move around">
    <img alt="" draggable="false"><div class="am-mini-rect"></div>
  </div>
</div>`;
const READABLE = 0.35; // below this share of natural size, text cannot be read
const MINI_W = 200, MINI_H = 140;

function prepare(svg) {
  // Tooltips: browsers show <title> children, not Graphviz's xlink:title.
  svg.querySelectorAll("a").forEach((a) => {
    const text = a.getAttribute("xlink:title") || a.getAttribute("title");
    if (!text) return;
    const t = document.createElementNS("http://www.w3.org/2000/svg", "title");
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
  const base = { x: vb.x, y: vb.y, w: vb.width || 1, h: vb.height || 1 };
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.setAttribute("preserveAspectRatio", "xMinYMin meet");
  return base;
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
  const miniImg = mini.querySelector("img");
  const miniRect = mini.querySelector(".am-mini-rect");
  const s = root._am || (root._am = { scale: NATURAL, x: 0, y: 0 });
  s.send = setTriggerValue;
  if (s.hash !== data.hash) {
    // the main map takes most of the window's height, never more than asked
    const h = data.fitWindow ? Math.max(data.minHeight || 320,
      Math.min(data.height, Math.round(window.innerHeight * 0.64))) : data.height;
    view.style.height = h + "px";
  }
  view.setAttribute("aria-label", data.label || "Argument diagram");
  root.querySelector(".am-hint").textContent = data.hint || "";

  const size = () => ({ W: view.clientWidth || 800, H: view.clientHeight || data.height });
  const apply = () => {
    if (!s.svg) return;
    const { W, H } = size();
    s.svg.setAttribute("viewBox", `${s.x} ${s.y} ${W / s.scale} ${H / s.scale}`);
    zoomLabel.textContent = Math.round((s.scale / NATURAL) * 100) + "%";
    // the overview shows where the view is, when the view shows only part of the drawing
    const whole = W / s.scale >= s.base.w * 0.98 && H / s.scale >= s.base.h * 0.98;
    mini.hidden = whole || !s.miniScale;
    if (!mini.hidden) {
      const k = s.miniScale;
      const left = Math.max(0, (s.x - s.base.x) * k), top = Math.max(0, (s.y - s.base.y) * k);
      const right = Math.min(s.base.w * k, (s.x - s.base.x + W / s.scale) * k);
      const bottom = Math.min(s.base.h * k, (s.y - s.base.y + H / s.scale) * k);
      Object.assign(miniRect.style, { left: left + "px", top: top + "px",
        width: Math.max(4, right - left) + "px", height: Math.max(4, bottom - top) + "px" });
    }
  };
  const limits = () => {
    const { W, H } = size();
    const fit = Math.min(W / s.base.w, H / s.base.h);
    return { min: Math.min(fit * 0.5, NATURAL * 0.1), max: NATURAL * 5 };
  };
  const clamp = (v) => { const l = limits(); return Math.max(l.min, Math.min(l.max, v)); };
  const fit = (initial = false) => {
    const { W, H } = size();
    s.scale = Math.min(NATURAL, Math.min(W / s.base.w, H / s.base.h) * 0.98);
    s.x = s.base.x - (W / s.scale - s.base.w) / 2;
    s.y = s.base.y; // top-aligned: the title and the first claims are where eyes start
    if (initial && data.shrink) {
      // a small diagram: no empty band under it
      // (tall enough that a later "Fit" gives this same scale)
      const h = Math.max(data.minHeight || 160, Math.ceil((s.base.h * s.scale) / 0.98) + 2);
      if (h < H) { view.style.height = h + "px"; s.x = s.base.x - (W / s.scale - s.base.w) / 2; }
    }
    apply();
  };
  const start = () => {
    // a map too big to read when fitted opens readable at its top left (its start);
    // "Fit" shows the whole of it, the overview in the corner says where we are
    const { W, H } = size();
    const fitted = Math.min(W / s.base.w, H / s.base.h);
    if (data.initial !== "readable" || fitted >= NATURAL * READABLE) { fit(true); return; }
    s.scale = NATURAL * 0.7;
    s.x = s.base.x;
    s.y = s.base.y;
    apply();
    // begin where a reader would: at the central thesis when the map has one (as Kialo
    // opens on its thesis), else at the first claim drawn -- never at blank paper
    const thesis = view.querySelector("g.node.claim.kind-thesis");
    const first = thesis || view.querySelector("g.node.claim");
    if (first) {
      const r = first.getBoundingClientRect(), v = view.getBoundingClientRect();
      const dx = thesis ? r.left + r.width / 2 - (v.left + v.width / 2) : r.left - v.left - 40;
      const dy = thesis ? r.top - v.top - v.height / 4 : r.top - v.top - 60;
      s.x += Math.max(0, dx) / s.scale;
      s.y += Math.max(0, dy) / s.scale;
      apply();
    }
  };
  const fitWidth = () => {
    const { W } = size();
    s.scale = Math.min(NATURAL * 1.5, (W / s.base.w) * 0.98);
    s.x = s.base.x - (W / s.scale - s.base.w) / 2;
    s.y = s.base.y;
    apply();
  };
  const zoomAt = (factor, px, py) => {
    const cx = s.x + px / s.scale, cy = s.y + py / s.scale;
    s.scale = clamp(s.scale * factor);
    s.x = cx - px / s.scale;
    s.y = cy - py / s.scale;
    apply();
  };
  const zoomCentre = (factor) => { const { W, H } = size(); zoomAt(factor, W / 2, H / 2); };
  const actual = () => { const { W, H } = size(); zoomAt(NATURAL / s.scale, W / 2, H / 2); };
  const highlight = (id) => {
    view.querySelectorAll("g.am-selected").forEach((g) => g.classList.remove("am-selected"));
    const g = nodeById(view, id);
    if (g) g.classList.add("am-selected");
    return g;
  };
  const centreOn = (g) => {
    const r = g.getBoundingClientRect(), v = view.getBoundingClientRect();
    const inside = r.left >= v.left && r.right <= v.right && r.top >= v.top && r.bottom <= v.bottom;
    if (inside) return;
    s.x += (r.left + r.width / 2 - (v.left + v.width / 2)) / s.scale;
    s.y += (r.top + r.height / 2 - (v.top + v.height / 2)) / s.scale;
    apply();
  };

  let fresh = false;
  if (s.hash !== data.hash) {
    view.innerHTML = data.svg; // Graphviz output: every label and tooltip escaped by argmap
    s.svg = view.querySelector("svg");
    s.base = prepare(s.svg);
    s.hash = data.hash;
    s.lastSelected = undefined;
    fresh = true;
    s.miniScale = 0; // the overview is drawn once the diagram itself is on screen
    mini.style.width = Math.round(s.base.w * Math.min(MINI_W / s.base.w, MINI_H / s.base.h)) + "px";
    mini.style.height = Math.round(s.base.h * Math.min(MINI_W / s.base.w, MINI_H / s.base.h)) + "px";
    const hash = data.hash, svgText = data.svg;
    setTimeout(() => {
      if (s.hash !== hash) return;
      if (s.miniUrl) URL.revokeObjectURL(s.miniUrl);
      s.miniUrl = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
      miniImg.src = s.miniUrl;
      s.miniScale = Math.min(MINI_W / s.base.w, MINI_H / s.base.h);
      apply();
    }, 400);
  }
  const g = highlight(data.selected);
  if (fresh && view.clientWidth > 0) start();
  else if (fresh) s.needFit = true; // not laid out yet: fit once it has a size
  else apply();
  if (g && data.selected !== s.lastSelected) centreOn(g);
  s.lastSelected = data.selected;

  // ---- controls (assigned, not added, so a second call does not double them)
  root.querySelector(".am-bar").onclick = (e) => {
    const act = e.target.closest("button")?.dataset.act;
    if (act === "in") zoomCentre(1.25);
    else if (act === "out") zoomCentre(0.8);
    else if (act === "fit") fit(false);
    else if (act === "width") fitWidth();
    else if (act === "actual") actual();
  };
  view.onwheel = (e) => {
    e.preventDefault();
    const r = view.getBoundingClientRect();
    const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
    zoomAt(Math.exp(-delta * 0.0015), e.clientX - r.left, e.clientY - r.top);
  };
  view.onpointerdown = (e) => {
    if (e.button !== 0) return;
    s.drag = { x0: e.clientX, y0: e.clientY, sx: s.x, sy: s.y, moved: false, id: e.pointerId };
  };
  view.onpointermove = (e) => {
    const d = s.drag;
    if (!d || d.id !== e.pointerId) return;
    const dx = e.clientX - d.x0, dy = e.clientY - d.y0;
    if (!d.moved && Math.hypot(dx, dy) < 4) return;
    if (!d.moved) { d.moved = true; view.setPointerCapture(e.pointerId); view.classList.add("am-dragging"); }
    s.x = d.sx - dx / s.scale;
    s.y = d.sy - dy / s.scale;
    apply();
  };
  const endDrag = (e) => {
    const d = s.drag;
    if (!d || d.id !== e.pointerId) return;
    if (d.moved) { s.suppressClick = true; setTimeout(() => { s.suppressClick = false; }, 0); }
    view.classList.remove("am-dragging");
    s.drag = null;
  };
  view.onpointerup = endDrag;
  view.onpointercancel = endDrag;
  const choose = (target) => {
    const node = target.closest && target.closest("g.node.claim");
    if (!node || !node.id.startsWith("claim-")) return false;
    const id = node.id.slice(6);
    highlight(id);
    s.lastSelected = id;
    s.send("select", id);
    return true;
  };
  view.onclick = (e) => {
    if (e.target.closest && e.target.closest("a")) e.preventDefault(); // never navigate
    if (s.suppressClick) { s.suppressClick = false; return; }
    choose(e.target);
  };
  view.onkeydown = (e) => {
    const step = 60;
    if (e.key === "Enter" || e.key === " ") { if (choose(e.target)) e.preventDefault(); return; }
    const keys = {
      "+": () => zoomCentre(1.25), "=": () => zoomCentre(1.25), "-": () => zoomCentre(0.8),
      "0": () => fit(false), "w": fitWidth, "1": actual,
      ArrowLeft: () => { s.x -= step / s.scale; apply(); },
      ArrowRight: () => { s.x += step / s.scale; apply(); },
      ArrowUp: () => { s.y -= step / s.scale; apply(); },
      ArrowDown: () => { s.y += step / s.scale; apply(); },
    };
    if (keys[e.key] && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); keys[e.key](); }
  };
  const miniMove = (e) => {
    const r = mini.getBoundingClientRect();
    const { W, H } = size();
    s.x = s.base.x + (e.clientX - r.left) / s.miniScale - W / s.scale / 2;
    s.y = s.base.y + (e.clientY - r.top) / s.miniScale - H / s.scale / 2;
    apply();
  };
  mini.onpointerdown = (e) => {
    e.stopPropagation();
    mini.setPointerCapture(e.pointerId);
    s.miniDrag = true;
    miniMove(e);
  };
  mini.onpointermove = (e) => { if (s.miniDrag) miniMove(e); };
  mini.onpointerup = mini.onpointercancel = () => { s.miniDrag = false; };
  if (s.observer) s.observer.disconnect();
  s.observer = new ResizeObserver(() => {
    if (s.needFit && view.clientWidth > 0) { s.needFit = false; start(); } else apply();
  });
  s.observer.observe(view);
  return () => { if (s.observer) s.observer.disconnect(); s.observer = null; };
}
