// briefing serve: the live-reload client. Served only by `briefing serve`, at
// /__briefing/livereload.js; never part of a built site.
// - `pages`: a good build; when this page changed, fetch it and patch it in place (title,
//   head, body; the scroll position stays), or reload it (scroll kept) when it runs scripts.
// - `css`: only stylesheets changed; swap them in place, no reload.
// - `failure`: the build failed; show the errors over the page until the next good build.
(() => {
  'use strict';
  if (window.__briefingLive) return;
  window.__briefingLive = true;
  const me = document.currentScript;
  const base = new URL('.', me && me.src ? me.src : new URL('/__briefing/', location.href));
  const OVERLAY = '__briefing_overlay';
  const SCROLL = 'briefing:scroll';
  const here = () => {
    const p = location.pathname;
    return p.endsWith('/index.html') ? p.slice(0, -10) : p;
  };
  const buildOf = (timing) => {
    const m = /build;desc="?(\d+)/.exec(timing || '');
    return m ? Number(m[1]) : null;
  };
  const nav = performance.getEntriesByType('navigation')[0];
  const navTiming = nav && nav.serverTiming ? nav.serverTiming.find((t) => t.name === 'build') : null;
  let build = navTiming ? Number(navTiming.description) : null;
  let server = null;
  let notFound = !!(nav && nav.responseStatus === 404);
  const tell = (kind) => document.dispatchEvent(new CustomEvent('briefing:update', { detail: { kind, build } }));

  // A full reload keeps the scroll position (a position still to be restored is kept as
  // it is if the page reloads again before its load event).
  let restoring = null;
  try {
    const saved = JSON.parse(sessionStorage.getItem(SCROLL) || 'null');
    if (saved && saved.path === location.pathname) {
      sessionStorage.removeItem(SCROLL);
      restoring = saved;
      window.scrollTo(saved.x, saved.y);
      addEventListener('load', () => { window.scrollTo(saved.x, saved.y); restoring = null; }, { once: true });
    }
  } catch (_) { /* storage off */ }
  const reload = () => {
    const at = restoring || { x: scrollX, y: scrollY };
    try {
      sessionStorage.setItem(SCROLL, JSON.stringify({ path: location.pathname, x: at.x, y: at.y }));
    } catch (_) { /* storage off */ }
    location.reload();
  };

  // Scripts that run (not data, not this one): a page with any is reloaded, not patched.
  const running = (doc) => [...doc.scripts].filter((s) => {
    const t = (s.type || '').trim().toLowerCase();
    return (t === '' || t === 'module' || t.endsWith('javascript')) && !(s.src && s.src.includes('/__briefing/'));
  });
  const isSheet = (el) => el.tagName === 'LINK' && /(^|\s)stylesheet(\s|$)/i.test(el.rel);

  function patch(doc) {
    const x = scrollX;
    const y = scrollY;
    const root = document.documentElement;
    for (const a of [...root.attributes]) if (!doc.documentElement.hasAttribute(a.name)) root.removeAttribute(a.name);
    for (const a of [...doc.documentElement.attributes]) root.setAttribute(a.name, a.value);
    const head = document.head;
    const oldSheets = [...head.children].filter(isSheet);
    const newSheets = [...doc.head.children].filter(isSheet);
    if (oldSheets.map((e) => e.outerHTML).join('\n') !== newSheets.map((e) => e.outerHTML).join('\n')) {
      const first = oldSheets[0] || null;
      const loads = newSheets.map((s) => {
        const el = document.adoptNode(s);
        head.insertBefore(el, first);
        return new Promise((ok) => { el.onload = ok; el.onerror = ok; setTimeout(ok, 2000); });
      });
      Promise.all(loads).then(() => oldSheets.forEach((e) => e.remove()));
    }
    for (const el of [...head.children]) if (!isSheet(el)) el.remove();
    for (const el of [...doc.head.children]) if (!isSheet(el)) head.appendChild(document.adoptNode(el));
    document.body.replaceWith(document.adoptNode(doc.body));
    window.scrollTo(x, y);
  }

  let busy = false;
  let again = false;
  async function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    try {
      const res = await fetch(location.href, { cache: 'no-store' });
      const html = await res.text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      if (running(document).length || running(doc).length) { reload(); return; }
      patch(doc);
      notFound = res.status === 404;
      const b = buildOf(res.headers.get('server-timing'));
      if (b !== null && (build === null || b > build)) build = b;
      tell('patched');
    } catch (_) {
      reload();
    } finally {
      busy = false;
      if (again) { again = false; refresh(); }
    }
  }

  function swapCss(swaps) {
    for (const { from, to } of swaps) {
      for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
        if (new URL(link.href, location.href).pathname !== from) continue;
        const next = link.cloneNode();
        next.href = to;
        const drop = () => { link.remove(); tell('css'); };
        next.addEventListener('load', drop, { once: true });
        next.addEventListener('error', drop, { once: true });
        link.after(next);
      }
    }
  }

  function hideOverlay() {
    const el = document.getElementById(OVERLAY);
    if (el) el.remove();
  }
  function showOverlay(d) {
    let el = document.getElementById(OVERLAY);
    if (!el) {
      el = document.createElement('div');
      el.id = OVERLAY;
      el.setAttribute('role', 'alert');
      el.style.cssText = 'position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:60vh;overflow:auto;' +
        'margin:0;padding:1rem 1.25rem;background:#2b0b0b;color:#fff;border-top:4px solid #ff6b6b;text-align:left;' +
        'font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 -4px 24px rgba(0,0,0,.4)';
      document.body.appendChild(el);
    }
    const title = document.createElement('strong');
    title.textContent = 'Build failed: the page shows the last good build. Fix the file and save.';
    const text = document.createElement('pre');
    text.style.cssText = 'white-space:pre-wrap;margin:.5rem 0;font:inherit;color:inherit;background:none';
    text.textContent = d.text;
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Dismiss';
    close.style.cssText = 'font:inherit;color:#2b0b0b;background:#fff;border:0;border-radius:3px;padding:.2rem .8rem;cursor:pointer';
    close.addEventListener('click', hideOverlay);
    el.replaceChildren(title, text, close);
    tell('failure');
  }

  const mine = (paths) => paths.includes('*') || paths.includes(here()) || (notFound && paths.includes('/404.html'));
  // One event stream per visible tab: browsers allow 6 HTTP/1.1 connections per host, so
  // a hidden tab lets go of its stream and, shown again, reconnects; `hello` then tells
  // whether it missed a build (and it refreshes).
  let es = null;
  function connect() {
    let url = 'events?path=' + encodeURIComponent(here());
    if (build !== null) url += '&build=' + build;
    if (notFound) url += '&also=%2F404.html';
    es = new EventSource(new URL(url, base));
    es.addEventListener('hello', (e) => {
      const d = JSON.parse(e.data);
      // Stale: a new server, or this page changed after the build the tab shows.
      const stale = (server !== null && d.server !== server) || (build !== null && d.stale);
      server = d.server;
      build = d.build;
      if (stale) { hideOverlay(); refresh(); }
    });
    es.addEventListener('pages', (e) => {
      const d = JSON.parse(e.data);
      hideOverlay();
      if (mine(d.paths)) refresh(); else tell('unchanged');
      build = d.build;
    });
    es.addEventListener('css', (e) => {
      const d = JSON.parse(e.data);
      hideOverlay();
      build = d.build;
      swapCss(d.swaps);
    });
    es.addEventListener('failure', (e) => showOverlay(JSON.parse(e.data)));
  }
  document.addEventListener('visibilitychange', () => {
    if (document.hidden && es) { es.close(); es = null; } else if (!document.hidden && !es) connect();
  });
  if (!document.hidden) connect();
})();
