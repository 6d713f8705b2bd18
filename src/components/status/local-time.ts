// <local-time datetime="ISO"></local-time>, after each time on the status pages: " (8 Nov 2026, 15:02 your time,
// 3 hours ago)". A custom element whose definition StatusLayout inlines in the head as a classic script (built
// by src/data/inline-script.ts), so the parser fills each note as it creates the element, before the first
// paint: a line never grows under the reader's eyes. Without JavaScript the element stays empty and unstyled.
// The page's module script calls refresh() every minute ("3 hours ago" moves on).
import { relativeTime } from '../../lib/status/relative.ts';

class LocalTime extends HTMLElement {
  connectedCallback() {
    this.classList.add('local');
    this.refresh();
  }

  refresh() {
    const at = Date.parse(this.getAttribute('datetime') ?? '');
    if (Number.isNaN(at)) return;
    // The page states times in the support team's zone; the reader's own is added only when it differs.
    const teamZone = this.closest<HTMLElement>('[data-time-zone]')?.dataset.timeZone;
    const readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const local = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    const mine = readerZone !== teamZone ? `${local.format(at)} your time, ` : '';
    this.textContent = ` (${mine}${relativeTime(at, Date.now())})`;
  }
}

if (!customElements.get('local-time')) customElements.define('local-time', LocalTime);
