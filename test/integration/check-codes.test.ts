import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function checkContent(root: string) {
  return spawnSync(process.execPath, ['scripts/check-content.ts', root], { encoding: 'utf8' });
}

const root = 'test/fixtures/content-bad-codes';

describe('npm run check:content: error codes and troubleshooters', () => {
  const run = checkContent(root);

  it('fails, and still reports the articles themselves as valid', () => {
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✓ articles');
    expect(run.stdout).not.toContain('✓ codes');
    expect(run.stdout).not.toContain('✓ troubleshooters');
  });

  it('names a code page that points to a missing article, and one the article does not claim', () => {
    expect(run.stderr).toContain(
      `${root}/codes.json: sip[1].articles[1]: no article 'outbound-calls/cant-make-outbound-calls'`,
    );
    expect(run.stderr).toContain(
      `${root}/codes.json: sip[1].articles[0]: 'registration/phone-wont-register' does not list 'SIP 403' in its codes`,
    );
  });

  it('names an article that claims an unknown code', () => {
    expect(run.stderr).toContain(
      `${root}/articles/registration/phone-wont-register.mdx:10: codes[1]: 'SIP 499' is not in ${root}/codes.json`,
    );
  });

  it('names a tree with a loop and no way to a ticket, and a tree for a missing article', () => {
    const tree = `${root}/articles/registration/phone-wont-register.troubleshooter.json`;
    expect(run.stderr).toContain(`${tree}: nodes.softphone.no: leads back to 'credentials'`);
    expect(run.stderr).toContain(`${tree}: no answer leads to @ticket`);
    expect(run.stderr).toContain(
      `${root}/articles/fax/faxes-fail.troubleshooter.json: article: no article 'fax/faxes-fail'`,
    );
  });
});
