// Who holds a lease: one id per sending loop (host, process, a random part), so recovery can tell a live
// loop's claims from a crashed one's.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

export function newLeaseOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}
