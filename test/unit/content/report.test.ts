// How check:content shows a problem: the terminal line as before, and GitHub's workflow command, escaped.
import { describe, expect, it } from 'vitest';
import {
  escapeData,
  escapeProperty,
  formatReportLine,
  githubAnnotation,
  reportStyle,
} from '../../../src/lib/content/report.ts';

const escalate = {
  file: 'site-content/articles/fax/new.mdx',
  line: 36,
  message: "body: add one <Escalate> block under '## Still not working?' listing what to collect",
};

describe('reportStyle', () => {
  it('is github only where GitHub Actions says so', () => {
    expect(reportStyle({ GITHUB_ACTIONS: 'true' })).toBe('github');
    expect(reportStyle({})).toBe('terminal');
    expect(reportStyle({ GITHUB_ACTIONS: 'false', CI: 'true' })).toBe('terminal');
  });
});

describe('terminal lines', () => {
  it('reads file:line: message, and file: message without a line', () => {
    expect(formatReportLine(escalate, 'error', 'terminal')).toBe(
      "site-content/articles/fax/new.mdx:36: body: add one <Escalate> block under '## Still not working?' listing what to collect",
    );
    expect(
      formatReportLine({ file: 'site-content/codes.json', message: 'sip[0].code: required' }, 'error', 'terminal'),
    ).toBe('site-content/codes.json: sip[0].code: required');
  });

  it('marks a warning as one', () => {
    expect(formatReportLine({ file: 'a.mdx', line: 5, message: 'reviewBy: passed' }, 'warning', 'terminal')).toBe(
      'warning: a.mdx:5: reviewBy: passed',
    );
  });
});

describe('GitHub annotations', () => {
  it('is an error command with the file and line, and the message after ::', () => {
    expect(formatReportLine(escalate, 'error', 'github')).toBe(
      "::error file=site-content/articles/fax/new.mdx,line=36::body: add one <Escalate> block under '## Still not working?' listing what to collect",
    );
  });

  it('is a warning command for a warning, and leaves the line out when there is none', () => {
    expect(githubAnnotation({ file: 'site-content/incidents.json', message: 'components: x' }, 'warning')).toBe(
      '::warning file=site-content/incidents.json::components: x',
    );
  });

  it('escapes %, CR and LF in the message, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('C:\\a,b%\n')).toBe('C%3A\\a%2Cb%25%0A');
    expect(
      githubAnnotation({ file: 'site-content/a,b:c.mdx', line: 2, message: 'line one\nline two: 50%' }, 'error'),
    ).toBe('::error file=site-content/a%2Cb%3Ac.mdx,line=2::line one%0Aline two: 50%25');
  });

  it('escapes % first, so an escape sequence already in the text is not read as one', () => {
    expect(escapeData('%0A')).toBe('%250A');
    expect(escapeProperty('%3A')).toBe('%253A');
  });
});
