// Playwright cannot download its own browser here, so the tests use Debian's Chromium.
// Installs it when missing (as root, through apt-get); CHROMIUM_PATH points at another build.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function run(command: string, args: string[]) {
  execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

if (existsSync(chromium)) {
  console.log(`Chromium found at ${chromium}`);
  process.exit(0);
}

const isRoot = process.getuid?.() === 0;
const sudo = isRoot ? [] : ['sudo'];
console.log(`Chromium is missing at ${chromium}: installing Debian's chromium package`);
try {
  const apt = (args: string[]) => (isRoot ? run('apt-get', args) : run('sudo', ['apt-get', ...args]));
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', 'chromium']);
} catch {
  console.error(
    `Could not install Chromium. Install it yourself (${[...sudo, 'apt-get install -y chromium'].join(' ')}) ` +
      'or set CHROMIUM_PATH to a Chromium binary.',
  );
  process.exit(1);
}
if (!existsSync(chromium)) {
  console.error(`apt-get finished but ${chromium} does not exist; set CHROMIUM_PATH to the Chromium binary.`);
  process.exit(1);
}
