/**
 * The one script of the preview pages, served as `/_preview/preview.js`.
 * It is browser code kept as a string because the project compiles for
 * Node only. It
 *  - listens to `/events` and, when what the page shows was rebuilt (or mail
 *    arrived, on the inbox page), fetches the page again and swaps in its new
 *    content: the email frame reloads, the scroll position and a half-typed
 *    form field stay (a full reload is the fallback);
 *  - sizes email frames to their content, so the page scrolls and not the frame;
 *  - opens links inside an email in a new tab instead of inside the frame.
 */
export const PREVIEW_SCRIPT = String.raw`(() => {
  'use strict';
  const body = document.body;

  function fit(frame) {
    const doc = frame.contentDocument;
    if (!doc || !doc.documentElement) return;
    frame.style.height = '0px';
    frame.style.height = Math.max(doc.documentElement.scrollHeight, doc.body ? doc.body.scrollHeight : 0) + 'px';
  }

  function frameReady(frame) {
    fit(frame);
    const doc = frame.contentDocument;
    if (!doc) return;
    doc.addEventListener('click', (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!link) return;
      event.preventDefault();
      window.open(link.href, '_blank', 'noopener');
    });
  }

  function watchFrames(root) {
    for (const frame of root.querySelectorAll('iframe[data-autosize]')) {
      const doc = frame.contentDocument;
      if (doc && doc.readyState === 'complete' && doc.URL !== 'about:blank') frameReady(frame);
      else frame.addEventListener('load', () => frameReady(frame), { once: true });
    }
  }
  watchFrames(document);
  window.addEventListener('resize', () => document.querySelectorAll('iframe[data-autosize]').forEach(fit));

  /** Fetch this page again and put its new content in place of the old. */
  let refreshing = null;
  let again = false;
  async function refresh() {
    if (refreshing) {
      again = true;
      return refreshing;
    }
    refreshing = (async () => {
      do {
        again = false;
        const response = await fetch(location.href, { cache: 'no-store', headers: { Accept: 'text/html' } });
        const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
        const main = document.querySelector('main');
        const next = fresh.querySelector('main');
        if (!main || !next || fresh.body.dataset.reload !== body.dataset.reload) throw new Error('the page changed shape');
        // Frames keep their height until the new email has loaded, so the page does not jump.
        const heights = Array.from(main.querySelectorAll('iframe[data-autosize]'), (frame) => frame.style.height);
        next.querySelectorAll('iframe[data-autosize]').forEach((frame, index) => {
          if (heights[index]) frame.style.height = heights[index];
        });
        const active = document.activeElement;
        const typing = active instanceof HTMLInputElement && active.id && main.contains(active) ? { id: active.id, value: active.value, start: active.selectionStart, end: active.selectionEnd } : null;
        main.replaceChildren(...next.childNodes);
        document.title = fresh.title;
        const count = fresh.querySelector('[data-inbox-count]');
        const shown = document.querySelector('[data-inbox-count]');
        if (count && shown) shown.textContent = count.textContent;
        if (typing) {
          const field = document.getElementById(typing.id);
          if (field instanceof HTMLInputElement) {
            field.value = typing.value;
            field.focus();
            field.setSelectionRange(typing.start, typing.end);
          }
        }
        watchFrames(main);
      } while (again);
    })();
    try {
      await refreshing;
    } catch {
      location.reload();
    } finally {
      refreshing = null;
    }
  }

  const status = document.querySelector('[data-live-status]');
  function setLive(live) {
    if (!status) return;
    status.textContent = (live ? status.getAttribute('data-text-live') : status.getAttribute('data-text-reconnecting')) || (live ? 'live' : '…');
    status.classList.toggle('is-offline', !live);
  }

  let bootId = null;
  const events = new EventSource('/events');
  events.addEventListener('open', () => setLive(true));
  events.addEventListener('error', () => setLive(false));
  events.addEventListener('hello', (event) => {
    const data = JSON.parse(event.data);
    if (bootId !== null && data.bootId !== bootId) location.reload(); // the preview restarted, maybe a newer version
    bootId = data.bootId;
  });
  events.addEventListener('rebuilt', (event) => {
    const data = JSON.parse(event.data);
    const mode = body.dataset.reload;
    if (mode === 'any') return refresh();
    if (mode !== 'article') return;
    const file = body.dataset.file;
    const slug = body.dataset.slug;
    const moved = data.newsletters.find((entry) => entry.file === file && entry.slug !== slug);
    if (moved) {
      location.href = '/view/' + encodeURIComponent(moved.slug) + location.search.replace(/([?&])sent=[^&]*&?/, '$1').replace(/[?&]$/, '');
      return;
    }
    if (data.everything || data.files.includes(file) || data.newsletters.some((entry) => entry.slug === slug)) refresh();
  });
  events.addEventListener('mail', () => {
    if (body.dataset.reload === 'mail') return refresh();
    const count = document.querySelector('[data-inbox-count]');
    if (count) count.textContent = String(Number(count.textContent) + 1);
  });
  window.addEventListener('pagehide', () => events.close());
})();
`;
