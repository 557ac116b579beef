// argmap Read view: the source text with the map's quotes highlighted.
// Streamlit (components v2) calls the default export on mount and whenever the
// data changes.  The text is replaced only when its hash changes; the selected
// passage's outline and a requested flash are applied without re-rendering, so
// a click gives feedback at once and the scroll position survives a rerun.

function escapeKey(k) { return CSS.escape(k); }

function marksOf(body, key) {
  if (!key) return [];
  return Array.from(body.querySelectorAll(`mark.rd-q[data-q~="${escapeKey(key)}"]`));
}

function flash(els) {
  els.forEach((el) => {
    el.classList.remove("rd-flash");
    void el.offsetWidth; // restart the animation
    el.classList.add("rd-flash");
    setTimeout(() => el.classList.remove("rd-flash"), 1800);
  });
}

function reveal(el) {
  if (!el) return;
  el.scrollIntoView({ block: "center", behavior: "instant" });
}

function strip(root, data) {
  const nav = root.querySelector(".rv-strip");
  nav.innerHTML = "";
  (data.strip || []).forEach(([n, chars, share]) => {
    const a = document.createElement("a");
    a.href = `#p-${n}`;
    a.dataset.p = n;
    a.style.flexGrow = String(Math.max(chars, 40));
    const pct = Math.round(share * 100);
    a.style.background = share > 0
      ? `rgba(11, 92, 173, ${0.15 + 0.85 * Math.min(1, share)})`
      : "#f2c18d";
    a.title = `Paragraph ${n}: ${pct}% quoted`;
    a.setAttribute("aria-label", a.title);
    nav.appendChild(a);
  });
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  if (!data || typeof data.html !== "string") return;
  let root = parentElement.querySelector(".rv-root");
  if (!root) {
    root = document.createElement("div");
    root.className = "rv-root";
    root.innerHTML =
      '<nav class="rv-strip" aria-label="Coverage: where the map quotes the text"></nav>' +
      '<div class="rv-body"></div>';
    parentElement.appendChild(root);
    root._rv = {};
  }
  const s = root._rv;
  s.send = setTriggerValue;
  const body = root.querySelector(".rv-body");
  s.titles = data.titles || {};
  if (s.hash !== data.hash) {
    body.innerHTML = data.html;
    strip(root, data);
    s.hash = data.hash;
    s.flashed = null;
  }
  if (!s.wired) {
    s.wired = true;
    root.addEventListener("click", (ev) => {
      const fn = ev.target.closest("a[data-note]");
      if (fn) {
        ev.preventDefault();
        const note = body.querySelector(`#note-${fn.dataset.note}`);
        reveal(note);
        if (note) flash([note]);
        return;
      }
      const back = ev.target.closest("a[data-ref]");
      if (back) {
        ev.preventDefault();
        const ref = body.querySelector(`#ref-${back.dataset.ref}`);
        reveal(ref);
        if (ref) flash([ref]);
        return;
      }
      const pn = ev.target.closest("a.rd-pn, .rv-strip a");
      if (pn) {
        ev.preventDefault();
        const p = body.querySelector(`#p-${pn.dataset.p || pn.textContent}`);
        reveal(p);
        if (p) flash([p]);
        return;
      }
      const mark = ev.target.closest("mark.rd-q");
      if (mark) {
        const keys = (mark.dataset.q || "").split(" ").filter(Boolean);
        body.querySelectorAll("mark.rd-sel").forEach((m) => m.classList.remove("rd-sel"));
        keys.slice(0, 1).forEach((k) => marksOf(body, k).forEach((m) => m.classList.add("rd-sel")));
        s.send("pick", { keys, at: Date.now() });
      }
    });
    // a passage selected with the mouse (or the keyboard) can be put into the map
    const selected = () => {
      const rootNode = root.getRootNode();
      const sel = (rootNode.getSelection && rootNode.getSelection()) || document.getSelection();
      if (!sel || sel.isCollapsed || !sel.rangeCount) return;
      const range = sel.getRangeAt(0);
      if (!body.contains(range.commonAncestorContainer)) return;
      const frag = range.cloneContents();
      frag.querySelectorAll(".rd-km, .rd-pn, .rd-fn, .rd-back").forEach((el) => el.remove());
      const text = frag.textContent.replace(/\s+/g, " ").trim();
      if (text.split(" ").length < 2 || text === s.lastSelection) return;
      s.lastSelection = text;
      const startEl = range.startContainer.nodeType === 1
        ? range.startContainer : range.startContainer.parentElement;
      const p = startEl && startEl.closest("[data-p]");
      s.send("passage", { text, p: p ? Number(p.dataset.p) : null, at: Date.now() });
    };
    root.addEventListener("mouseup", () => setTimeout(selected, 0));
    root.addEventListener("keyup", (ev) => { if (ev.shiftKey) selected(); });
    // hovering names the claims: titles are set on first hover (they are not in the HTML)
    root.addEventListener("mouseover", (ev) => {
      const mark = ev.target.closest("mark.rd-q");
      if (!mark || mark.hasAttribute("title")) return;
      const keys = (mark.dataset.q || "").split(" ").filter(Boolean);
      mark.title = keys.map((k) => (s.titles || {})[k] || k).join("\n");
    });
    root.addEventListener("keydown", (ev) => {
      if ((ev.key === "Enter" || ev.key === " ") && ev.target.matches("mark.rd-q")) {
        ev.preventDefault();
        ev.target.click();
      }
    });
  }
  // keyboard users reach the highlights too
  body.querySelectorAll("mark.rd-q:not([tabindex])").forEach((m) => {
    m.tabIndex = 0;
    m.setAttribute("role", "button");
  });
  body.querySelectorAll("mark.rd-sel").forEach((m) => m.classList.remove("rd-sel"));
  marksOf(body, data.selected).forEach((m) => m.classList.add("rd-sel"));
  if (data.flash && s.flashed !== data.flash + "|" + data.nonce) {
    s.flashed = data.flash + "|" + data.nonce;
    // "¶N": a paragraph (a search hit in the text), else an anchor's key
    const els = data.flash.startsWith("\u00b6")
      ? Array.from(body.querySelectorAll(`#p-${CSS.escape(data.flash.slice(1))}`))
      : marksOf(body, data.flash);
    // after layout: the component may just have been mounted
    requestAnimationFrame(() => {
      reveal(els[0]);
      flash(els);
    });
  }
}
