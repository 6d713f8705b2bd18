// An SVG status badge (shields.io look) for READMEs and intranets; accessible as an image with a title.
import { indicatorDescriptions, type PageIndicator } from './derive.ts';
import { escapeXml } from './feeds.ts';

/** Fill colours with at least 4.5:1 contrast against white text. */
const indicatorColors: Record<PageIndicator, string> = {
  none: '#1a7f37',
  minor: '#9a6700',
  major: '#bc4c00',
  critical: '#cf222e',
  maintenance: '#0969da',
};

// Verdana 11px averages about 6.5 px per character; textLength keeps the text inside its box regardless.
const textWidth = (text: string) => Math.round(text.length * 6.5);

export function statusBadgeSvg(indicator: PageIndicator, { label = 'status' }: { label?: string } = {}): string {
  const message = indicatorDescriptions[indicator];
  const left = textWidth(label) + 12;
  const right = textWidth(message) + 12;
  const title = escapeXml(`${label}: ${message}`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${left + right}" height="20" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<rect width="${left}" height="20" fill="#555"/>`,
    `<rect x="${left}" width="${right}" height="20" fill="${indicatorColors[indicator]}"/>`,
    '<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle" aria-hidden="true">',
    `<text x="${left / 2}" y="14" textLength="${left - 12}">${escapeXml(label)}</text>`,
    `<text x="${left + right / 2}" y="14" textLength="${right - 12}">${escapeXml(message)}</text>`,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}
