// Live reload for the development server (go run ./generator serve); never
// part of the built site. Listens to /_dev/events. After a rebuild that
// changed the output it updates the page in place when the page itself
// changed (fetches it, swaps its head and body, runs its scripts again),
// swaps the stylesheets when they changed, reloads the page when a script
// or another file it loaded changed, and leaves it alone otherwise; it
// keeps the reader's place, and shows build errors over the page until
// they are fixed.
(() => {
  'use strict';
  // sessionStorage, where the browser allows it.
  const store = {
    get(k) { try { return window.sessionStorage.getItem(k); } catch { return null; } },
    set(k, v) { try { window.sessionStorage.setItem(k, v); } catch { /* disabled or full */ } },
    remove(k) { try { window.sessionStorage.removeItem(k); } catch { /* disabled */ } },
  };
  const placeKey = 'devreload:place:' + location.pathname + location.search;
  const caughtUpKey = 'devreload:caughtup';
  let build = null; // id of the build this page was shown from, once known
  let overlay = null;

  // The reader's place: restored after a reload we made. If the reader was
  // still at the #fragment's target, the browser's jump to it is kept.
  function fragmentTarget() {
    if (!location.hash) return null;
    try { return document.getElementById(decodeURIComponent(location.hash.slice(1))); } catch { return null; }
  }
  // The block at the top of the window, and how far from the top it is:
  // the reader's place, whatever the layout does before it settles.
  function anchorNow() {
    for (const el of document.querySelectorAll('main [id]')) {
      const top = el.getBoundingClientRect().top;
      if (top >= 0) return { id: el.id, top };
    }
    return null;
  }
  function placeNow() {
    const t = fragmentTarget();
    const top = t ? t.getBoundingClientRect().top : NaN;
    return { x: window.scrollX, y: window.scrollY, anchor: anchorNow(), atFragment: top > -4 && top < 80 };
  }
  function restore() {
    const raw = store.get(placeKey);
    if (raw === null) return;
    store.remove(placeKey);
    if ('scrollRestoration' in history) history.scrollRestoration = 'auto';
    let place;
    try { place = JSON.parse(raw); } catch { return; }
    if (place.atFragment && fragmentTarget()) return; // the browser's jump to it stands
    keepPlace(place);
  }
  function keepPlace(place) {
    const apply = () => {
      const el = place.anchor && document.getElementById(place.anchor.id);
      if (el) window.scrollTo(place.x, window.scrollY + el.getBoundingClientRect().top - place.anchor.top);
      else window.scrollTo(place.x, place.y);
    };
    apply();
    // The layout may change after load (fonts found late, a fallback font's
    // other metrics): keep the place as it does, until the reader moves (or
    // follows a link to a #fragment) or it has had time to settle.
    let moved = false;
    for (const type of ['wheel', 'touchstart', 'keydown', 'mousedown', 'hashchange']) {
      window.addEventListener(type, () => { moved = true; }, { once: true, passive: true });
    }
    const again = () => { if (!moved) apply(); };
    const observer = 'ResizeObserver' in window ? new ResizeObserver(again) : null;
    if (observer) observer.observe(document.body);
    if (document.fonts) document.fonts.ready.then(() => requestAnimationFrame(again));
    setTimeout(() => { if (observer) observer.disconnect(); }, 3000);
  }
  if (document.readyState === 'complete') restore();
  else window.addEventListener('load', restore, { once: true });

  function reload() {
    store.set(placeKey, JSON.stringify(placeNow()));
    if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
    location.reload();
  }

  // A changed page, as the reload event names it, is this page; a changed
  // file is one this page loaded (a stylesheet, a script, an image, data).
  const here = (path) => {
    const u = new URL(path, location.href).pathname;
    return u === location.pathname || u + 'index.html' === location.pathname;
  };
  const bare = (href) => {
    const u = new URL(href, location.href);
    u.searchParams.delete('devreload');
    u.hash = '';
    return u.href;
  };
  const loaded = (path) => {
    const want = bare(path);
    return performance.getEntriesByType('resource').some((e) => bare(e.name) === want);
  };

  // The stylesheets and scripts a document loads, which an update in place
  // cannot change: a page whose list differs is reloaded.
  const isDev = (el) => new URL(el.getAttribute('src') || el.getAttribute('href'), location.href).pathname.startsWith('/_dev/');
  const fixedSelector = 'link[rel~="stylesheet"][href], script[src]';
  const fixed = (el) => el.matches(fixedSelector);
  const fixedList = (doc) => Array.from(doc.querySelectorAll(fixedSelector))
    .filter((el) => !isDev(el)).map((el) => el.tagName + ' ' + bare(el.getAttribute('src') || el.getAttribute('href'))).join('\n');

  // update puts the page as served now (html, or fetched again) in place
  // of the one shown: faster than a reload (no navigation, no stylesheets
  // parsed again), and the reader stays where they were. The page's
  // scripts run again on the new body. Anything unexpected falls back to
  // a reload. It is true once the page is updated.
  let updates = 0;
  async function update(html) {
    const mine = ++updates;
    let text = html;
    if (typeof text !== 'string') {
      try {
        const res = await fetch(location.href, { cache: 'no-store' });
        if (!/^text\/html\b/.test(res.headers.get('Content-Type') || '')) return reload();
        text = await res.text();
      } catch {
        return reload();
      }
      if (mine !== updates) return false; // a later update is on its way
    }
    const next = new DOMParser().parseFromString(text, 'text/html');
    if (fixedList(next) !== fixedList(document)) return reload();
    const place = placeNow();
    for (const { name, value } of Array.from(next.documentElement.attributes)) {
      if (name !== 'data-dev-reload') document.documentElement.setAttribute(name, value);
    }
    for (const el of Array.from(document.head.children)) if (!fixed(el)) el.remove();
    for (const el of Array.from(next.head.children)) if (!fixed(el)) document.head.append(document.adoptNode(el));
    document.body.replaceWith(document.adoptNode(next.body));
    if (overlay) document.body.append(overlay); // a build failed while the page was fetched
    keepPlace(place);
    // Scripts from a parsed document do not run: load the page's own again,
    // in order, on the new body.
    for (const old of Array.from(document.querySelectorAll('script[src]')).filter((el) => !isDev(el))) {
      const s = document.createElement('script');
      s.src = old.src;
      s.async = false;
      old.replaceWith(s);
    }
    return true;
  }

  // changed decides what a rebuild means for this page, and says on <html>
  // what it did (data-dev-action: kept, styles, updated) once done, with
  // the build's id (data-dev-build).
  async function changed(change) {
    const mine = change.files.filter(loaded);
    const last = change.files[change.files.length - 1] || '';
    // The files come stylesheets and scripts first: cut short among them,
    // one this page runs may be left out.
    if (mine.some((p) => !p.endsWith('.css')) || (change.moreFiles > 0 && /\.(css|m?js)$/.test(last))) return reload();
    let action = 'kept';
    if (mine.length > 0) {
      swapStylesheets();
      action = 'styles';
    }
    // Data this page fetched (a search index's shards) may be among the
    // files left out: the update runs its scripts again, which fetch it anew.
    const fetched = change.moreFiles > 0 &&
      performance.getEntriesByType('resource').some((e) =>
        (e.initiatorType === 'fetch' || e.initiatorType === 'xmlhttprequest') && bare(e.name) !== bare(location.href));
    // The server knows whether the file served at this address changed,
    // and sends it; else the lists tell, or may have left it out.
    const mayHaveChanged = change.page ? change.page === 'changed' :
      change.morePages > 0 || change.pages.some(here) || change.pages.includes('/404.html');
    if (mayHaveChanged || fetched) {
      if (!(await update(fetched ? undefined : change.html))) return;
      action = 'updated';
    }
    Object.assign(document.documentElement.dataset, { devAction: action, devBuild: change.build });
  }

  // Only the stylesheets changed: load each again beside the old one, then
  // drop the old one, so the page does not flash unstyled.
  function swapStylesheets() {
    for (const link of document.querySelectorAll('link[rel~="stylesheet"][href]')) {
      const url = new URL(link.href, location.href);
      if (url.origin !== location.origin) continue;
      url.searchParams.set('devreload', Date.now().toString(36));
      const next = link.cloneNode();
      next.href = url.href;
      const drop = () => link.remove();
      next.addEventListener('load', drop, { once: true });
      next.addEventListener('error', drop, { once: true });
      link.after(next);
    }
  }

  function hideError() {
    if (overlay) overlay.remove();
    overlay = null;
  }

  // make creates an element untouched by the page's stylesheets: every
  // property reset inline, then set. Styles go through the CSSOM, which a
  // Content-Security-Policy without 'unsafe-inline' allows.
  function make(tag, style) {
    const el = document.createElement(tag);
    el.style.all = 'initial';
    Object.assign(el.style, { display: 'block', boxSizing: 'border-box' }, style);
    return el;
  }

  // The error, over the page: text only (textContent), monospace, closed
  // with the button or Escape.
  function showError(message) {
    hideError();
    const box = make('div', {
      position: 'fixed', inset: '0', zIndex: '2147483647', overflow: 'auto',
      background: 'rgba(0, 0, 0, 0.55)', padding: '6vh 1rem',
    });
    box.id = 'dev-build-error';
    box.setAttribute('role', 'alertdialog');
    box.setAttribute('aria-modal', 'true');
    box.setAttribute('aria-labelledby', 'dev-build-error-title');
    box.setAttribute('aria-describedby', 'dev-build-error-text');
    const panel = make('div', {
      maxWidth: '60rem', margin: '0 auto', background: '#fff', color: '#1a1a1a',
      borderTop: '6px solid #b00020', borderRadius: '4px', padding: '1rem 1.25rem',
      boxShadow: '0 8px 32px rgba(0, 0, 0, 0.4)', font: '15px/1.5 system-ui, sans-serif', textAlign: 'left',
    });
    const head = make('div', { display: 'flex', alignItems: 'baseline', gap: '1rem', marginBottom: '0.75rem' });
    const title = make('h2', { flex: '1', font: 'bold 17px/1.3 system-ui, sans-serif', color: '#b00020' });
    title.id = 'dev-build-error-title';
    title.textContent = 'Build failed: still showing the last good version';
    const close = make('button', {
      display: 'inline-block', font: '14px system-ui, sans-serif', padding: '0.3rem 0.8rem', cursor: 'pointer',
      color: '#1a1a1a', background: '#eee', border: '1px solid #888', borderRadius: '3px',
    });
    close.type = 'button';
    close.textContent = 'Close';
    close.title = 'Close (Esc)';
    close.addEventListener('click', hideError);
    const text = make('pre', {
      whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', color: '#1a1a1a', background: '#f4f4f4',
      padding: '0.75rem', font: '14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    });
    text.id = 'dev-build-error-text';
    text.textContent = message;
    head.append(title, close);
    panel.append(head, text);
    box.append(panel);
    box.addEventListener('click', (e) => { if (e.target === box) hideError(); });
    document.body.append(box);
    overlay = box;
    close.focus();
  }
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && overlay) hideError(); });

  // The event stream, open while the tab is visible: a browser allows six
  // connections to a host, and every open stream holds one. A tab shown
  // again connects again, and the hello tells it what it missed.
  let events = null;
  function connect() {
    if (events) return;
    events = new EventSource('/_dev/events?page=' + encodeURIComponent(location.pathname));
    events.addEventListener('hello', (e) => {
      const state = JSON.parse(e.data);
      if (build !== null && state.build !== build) return reload(); // rebuilt while we were away
      // First connection: a rebuild may have come between this page's
      // request and now. Reload once for it (once: a clock skew must not loop).
      if (build === null && state.build && state.changedAt > performance.timeOrigin &&
          store.get(caughtUpKey) !== state.build) {
        store.set(caughtUpKey, state.build);
        return reload();
      }
      build = state.build;
      hideError(); // an error, if any, follows this event
      document.documentElement.dataset.devReload = 'connected';
    });
    events.addEventListener('reload', (e) => {
      const change = JSON.parse(e.data);
      build = change.build;
      hideError();
      changed(change);
    });
    events.addEventListener('error', (e) => {
      if (typeof e.data !== 'string') return; // the connection dropped: EventSource reconnects by itself
      showError(JSON.parse(e.data).message);
    });
  }
  function disconnect() {
    if (!events) return;
    events.close();
    events = null;
    document.documentElement.dataset.devReload = 'hidden';
  }
  document.addEventListener('visibilitychange', () => (document.hidden ? disconnect() : connect()));
  if (!document.hidden) connect();
})();
