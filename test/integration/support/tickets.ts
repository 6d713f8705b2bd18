// Filing tickets the way the site does: through handleTicketRequest into a real outbox file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleTicketRequest, type TicketRequestDeps } from '../../../src/helpdesk/index.ts';
import type { TicketInput } from '../../../src/lib/ticket/index.ts';
import { ticketInput } from '../../fixtures/ticket/tickets.ts';

export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'dialtone-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function ticketRequest(body: unknown, init: { headers?: Record<string, string>; url?: string } = {}): Request {
  return new Request(init.url ?? 'http://127.0.0.1:4321/api/tickets', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:4321', ...init.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Files `count` distinct tickets and returns their references. */
export async function fileTickets(deps: TicketRequestDeps, count: number, overrides: Partial<TicketInput> = {}) {
  const references: string[] = [];
  for (let i = 0; i < count; i++) {
    const key = `integration-${i}-${Math.random().toString(36).slice(2, 10)}`;
    const response = await handleTicketRequest(
      ticketRequest(ticketInput({ subject: `Phone ${i} shows No Service`, idempotencyKey: key, ...overrides })),
      deps,
    );
    if (response.status !== 202) throw new Error(`ticket ${i}: ${response.status} ${await response.text()}`);
    references.push(((await response.json()) as { reference: string }).reference);
  }
  return references;
}
