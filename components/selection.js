// The selected claim of a diagram viewer (svgview.js), apart from its drawing: when only
// the selection changes, this tiny element changes and the drawing is not sent again.
export default function (component) {
  const { data } = component;
  if (!data || !data.viewer) return;
  const chosenBy = (window.__argmapSelected = window.__argmapSelected || {});
  chosenBy[data.viewer] = data.selected ?? null;
  const viewer = (window.__argmapViewers || {})[data.viewer];
  if (viewer) viewer.select(data.selected ?? null);
}
