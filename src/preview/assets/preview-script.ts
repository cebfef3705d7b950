/**
 * The one script of the preview pages, served as `/_preview/preview.js`.
 * It is browser code kept as a string because the project compiles for
 * Node only. It
 *  - listens to `/events` and reloads the page when what it shows was rebuilt
 *    (or a message arrived, on the inbox page), keeping the scroll position;
 *  - sizes email frames to their content, so the page scrolls and not the frame;
 *  - opens links inside an email in a new tab instead of inside the frame.
 */
export const PREVIEW_SCRIPT = String.raw`(() => {
  'use strict';
  const body = document.body;
  const scrollKey = 'preview-scroll:' + location.pathname + location.search;
  const frames = Array.from(document.querySelectorAll('iframe[data-autosize]'));

  function fit(frame) {
    const doc = frame.contentDocument;
    if (!doc || !doc.documentElement) return;
    frame.style.height = '0px';
    frame.style.height = Math.max(doc.documentElement.scrollHeight, doc.body ? doc.body.scrollHeight : 0) + 'px';
  }

  function restoreScroll() {
    const saved = sessionStorage.getItem(scrollKey);
    if (saved === null) return;
    sessionStorage.removeItem(scrollKey);
    window.scrollTo(0, Number(saved));
  }

  let waiting = frames.length;
  function frameReady(frame) {
    fit(frame);
    const doc = frame.contentDocument;
    if (doc) {
      doc.addEventListener('click', (event) => {
        const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
        if (!link) return;
        event.preventDefault();
        window.open(link.href, '_blank', 'noopener');
      });
    }
    waiting -= 1;
    if (waiting === 0) restoreScroll();
  }
  for (const frame of frames) {
    const doc = frame.contentDocument;
    if (doc && doc.readyState === 'complete' && doc.URL !== 'about:blank') frameReady(frame);
    else frame.addEventListener('load', () => frameReady(frame), { once: true });
  }
  if (frames.length === 0) restoreScroll();
  window.addEventListener('resize', () => frames.forEach(fit));

  function reload() {
    sessionStorage.setItem(scrollKey, String(window.scrollY));
    location.reload();
  }

  const status = document.querySelector('[data-live-status]');
  function setLive(live) {
    if (!status) return;
    status.textContent = live ? 'live' : 'reconnecting…';
    status.classList.toggle('is-offline', !live);
  }

  let bootId = null;
  const events = new EventSource('/events');
  events.addEventListener('open', () => setLive(true));
  events.addEventListener('error', () => setLive(false));
  events.addEventListener('hello', (event) => {
    const data = JSON.parse(event.data);
    if (bootId !== null && data.bootId !== bootId) reload(); // the preview restarted
    bootId = data.bootId;
  });
  events.addEventListener('rebuilt', (event) => {
    const data = JSON.parse(event.data);
    const mode = body.dataset.reload;
    if (mode === 'any') return reload();
    if (mode !== 'article') return;
    const file = body.dataset.file;
    const slug = body.dataset.slug;
    const moved = data.newsletters.find((entry) => entry.file === file && entry.slug !== slug);
    if (moved) {
      location.href = '/view/' + encodeURIComponent(moved.slug) + location.search;
      return;
    }
    if (data.everything || data.files.includes(file) || data.newsletters.some((entry) => entry.slug === slug)) reload();
  });
  events.addEventListener('mail', () => {
    if (body.dataset.reload === 'mail') return reload();
    const count = document.querySelector('[data-inbox-count]');
    if (count) count.textContent = String(Number(count.textContent) + 1);
  });
  window.addEventListener('pagehide', () => events.close());
})();
`;
