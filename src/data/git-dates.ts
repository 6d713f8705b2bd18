// "Last updated" from git: one `git log` for the whole folder, not one process per article,
// so a build with thousands of articles stays fast.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Absolute file path -> date of the last commit that touched it. Empty when git or the repo is missing. */
export function lastCommitDates(folder: string): Map<string, Date> {
  const dates = new Map<string, Date>();
  let root: string;
  let log: string;
  try {
    root = git(folder, ['rev-parse', '--show-toplevel']).trim();
    log = git(folder, ['log', '--format=%x00%cI', '--name-only', '--no-renames', '--', '.']);
  } catch {
    return dates;
  }
  for (const entry of log.split('\0')) {
    const [when, ...files] = entry.split('\n');
    if (!when) continue;
    const date = new Date(when.trim());
    for (const file of files) {
      const absolute = path.resolve(root, file.trim());
      // git log is newest first: the first date seen for a file is its last change.
      if (file.trim() && !dates.has(absolute)) dates.set(absolute, date);
    }
  }
  return dates;
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 256 * 1024 * 1024,
  });
}

let cache: { folder: string; dates: Map<string, Date> } | undefined;

/** The article's date: frontmatter `updated` first, else its last commit, else undefined (never committed). */
export function lastUpdated(filePath: string, updated: Date | undefined, folder: string): Date | undefined {
  if (updated) return updated;
  if (cache?.folder !== folder) cache = { folder, dates: lastCommitDates(folder) };
  return cache.dates.get(path.resolve(filePath));
}
