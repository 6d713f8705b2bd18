// `npm run check:lock`: fails when `npm install` would rewrite package-lock.json, i.e. when the committed lock
// is not complete for this package.json (then `npm ci` in a fresh clone or in CI fails or installs something
// else). Runs the project's own npm (the `npm` devDependency: lock files differ between npm versions) on a copy
// of package.json, the lock and .npmrc, with --package-lock-only, so node_modules is not touched.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

// npm's package exports only package.json: its CLI is found beside it.
const npmPackage = createRequire(import.meta.url).resolve('npm/package.json');
const npmCli = path.join(path.dirname(npmPackage), 'bin/npm-cli.js');
const npmVersion = (JSON.parse(readFileSync(npmPackage, 'utf8')) as { version: string }).version;
const copy = mkdtempSync(path.join(tmpdir(), 'dialtone-lock-'));
try {
  for (const file of ['package.json', 'package-lock.json', '.npmrc']) copyFileSync(file, path.join(copy, file));
  execFileSync(
    process.execPath,
    [npmCli, 'install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'],
    { cwd: copy, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const before = readFileSync('package-lock.json', 'utf8');
  const after = readFileSync(path.join(copy, 'package-lock.json'), 'utf8');
  if (before !== after) {
    const changed = changedEntries(before, after);
    console.error(
      `package-lock.json: npm install (npm ${npmVersion}) would change it${changed ? ` (${changed})` : ''}; ` +
        'run `npx npm install --package-lock-only` (the project’s npm) and commit the lock',
    );
    process.exit(1);
  }
  console.log(`✓ package-lock.json (complete for npm ${npmVersion})`);
} finally {
  rmSync(copy, { recursive: true, force: true });
}

/** The lock's `packages` entries added, removed or changed, named, for the message. */
function changedEntries(before: string, after: string): string {
  const packages = (text: string) =>
    (JSON.parse(text) as { packages?: Record<string, unknown> }).packages ?? ({} as Record<string, unknown>);
  const [a, b] = [packages(before), packages(after)];
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (name) => JSON.stringify(a[name]) !== JSON.stringify(b[name]),
  );
  const shown = names.slice(0, 5).map((name) => `${name in a ? (name in b ? '~' : '-') : '+'}${name || '(root)'}`);
  return names.length > 5 ? `${shown.join(', ')} and ${names.length - 5} more` : shown.join(', ');
}
