// Where support teams' content lives. CONTENT_DIR points a build at another copy (benchmarks, fixtures).
import path from 'node:path';

export const contentDir = path.resolve(process.env.CONTENT_DIR || 'content');

export function contentPath(...parts: string[]): string {
  return path.join(contentDir, ...parts);
}
