// "Ret det her" on a story's channel card links to the field to fix: Wagtail's own
// `#:w:contentpath=intro` for page fields, `#id_channel_settings-0-text` for a
// channel's own row. Wagtail scrolls to a content path when the page loads, but
// neither focuses the field nor follows the link when it is clicked on the same
// page (the card sits in the same editor), so this selects the field's tab and
// puts the cursor in the field.
(() => {
  const MARKER = ':w:contentpath=';
  const FOCUSABLE =
    'input:not([type=hidden]), textarea, select, [contenteditable=true], button';

  function target(fragment) {
    const hash = decodeURIComponent(fragment.slice(1));
    const at = hash.indexOf(MARKER);
    if (at !== -1) {
      const parts = hash.slice(at + MARKER.length).split('.').filter(Boolean);
      // The deepest part of the path the page has (a block drawn without its
      // children's paths still leads to the block).
      for (let depth = parts.length; depth > 0; depth -= 1) {
        const selector = parts
          .slice(0, depth)
          .map((part) => `[data-contentpath="${CSS.escape(part)}"]`)
          .join(' ');
        const found = document.querySelector(selector);
        if (found) return found;
      }
      return null;
    }
    return hash.startsWith('id_') ? document.getElementById(hash) : null;
  }

  function openTab(element) {
    const panel = element.closest('[role="tabpanel"]');
    if (!panel) return;
    const tab = document.querySelector(`[role="tab"][aria-controls="${panel.id}"]`);
    if (tab && tab.getAttribute('aria-selected') !== 'true') tab.click();
  }

  function focusField(fragment, triesLeft = 20) {
    const place = target(fragment);
    if (!place) return;
    openTab(place);
    const field = place.matches(FOCUSABLE) ? place : place.querySelector(FOCUSABLE);
    // The tab shows its panel a moment after it is selected; until then
    // nothing in it can take the cursor.
    if (field && !field.getClientRects().length && triesLeft > 0) {
      window.setTimeout(() => focusField(fragment, triesLeft - 1), 100);
      return;
    }
    (field || place).scrollIntoView({ block: 'center' });
    if (field) field.focus({ preventScroll: true });
  }

  // Wagtail's tabs replace the fragment with the tab's own (#tab-indhold) as
  // they select it, so the fragment is read first and the field focused after
  // Wagtail's own work (tabs chosen, StreamField blocks drawn, the tab's button
  // focused), so the cursor ends in the field.
  const later = (fragment) => window.setTimeout(() => focusField(fragment), 300);
  const atLoad = window.location.hash;
  window.addEventListener('load', () => later(atLoad));
  document.addEventListener(
    'click',
    (event) => {
      const link = event.target.closest('a[data-channel-fix-link]');
      if (link) later(new URL(link.href).hash);
    },
    true,
  );
})();
