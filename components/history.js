// One browser history entry per view.
// Streamlit opens a page with query parameters (st.switch_page(..., query_params=...),
// st.page_link) in two pushes: first the new query on the old path, then the new path
// with the same query; and a page reached from the menu (which clears the query) that
// puts its view back into the URL pushes the bare path, then the path with the view.
// Back would then land on a half-made view (an empty search box, say) instead of the
// one the reader came from.  This merges each such pair into one entry, so Back
// returns to the previous view.  Installed once per tab.
export default function () {
  if (window.__argmapHistory) return;
  window.__argmapHistory = true;
  const push = window.history.pushState.bind(window.history);
  const WINDOW_MS = 1500; // both pushes come from one script run
  let last = null; // the latest push
  window.history.pushState = function (state, title, url) {
    const before = new URL(window.location.href);
    const next = new URL(url, window.location.href);
    const now = performance.now();
    const recent = last && now - last.t < WINDOW_MS && last.href === before.href;
    const pathAfterQuery =
      recent && last.queryOnly && next.pathname !== before.pathname && next.search === before.search;
    const queryAfterBarePath =
      recent && !last.queryOnly && before.search === "" && next.pathname === before.pathname;
    last = { queryOnly: next.pathname === before.pathname, href: next.href, t: now };
    if (pathAfterQuery || queryAfterBarePath) {
      last = null;
      return window.history.replaceState(state, title, url);
    }
    return push(state, title, url);
  };
}
