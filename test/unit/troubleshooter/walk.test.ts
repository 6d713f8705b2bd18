import { describe, expect, it } from 'vitest';
import type { TroubleshooterTree } from '../../../src/lib/troubleshooter/schema.ts';
import { mostQuestionsLeft, stepsTaken, walk } from '../../../src/lib/troubleshooter/walk.ts';

const tree: TroubleshooterTree = {
  article: 'registration/phone-wont-register',
  title: 'Get your phone registered',
  start: 'credentials',
  nodes: {
    credentials: {
      question: 'Do the credentials match the portal?',
      yes: 'softphone',
      no: 'fix-credentials',
      yesStep: 'Checked the credentials match',
      noStep: 'Found the credentials did not match',
    },
    'fix-credentials': { question: 'Does it register after re-entering them?', yes: '@fixed', no: 'softphone' },
    softphone: {
      question: 'Does a softphone register?',
      yes: '@ticket',
      no: '@ticket',
      yesStep: 'Softphone registered',
      noStep: 'Softphone failed too',
    },
  },
};

describe('walk and stepsTaken', () => {
  it('is at the start before any answer', () => {
    expect(walk(tree, [])).toEqual({ steps: [], at: 'credentials' });
    expect(stepsTaken(tree, [])).toEqual([]);
  });

  it('records the step text written for each answer', () => {
    expect(stepsTaken(tree, ['yes', 'no'])).toEqual(['Checked the credentials match', 'Softphone failed too']);
    expect(walk(tree, ['yes', 'no'])).toMatchObject({ at: '@ticket', outcome: '@ticket' });
  });

  it('falls back to the question and the answer when no step text is written', () => {
    expect(stepsTaken(tree, ['no', 'no', 'yes'])).toEqual([
      'Found the credentials did not match',
      'Does it register after re-entering them? No.',
      'Softphone registered',
    ]);
  });

  it('stops at an outcome and ignores answers after it', () => {
    const result = walk(tree, ['no', 'yes', 'no', 'no']);
    expect(result.outcome).toBe('@fixed');
    expect(result.steps.map((s) => s.nodeId)).toEqual(['credentials', 'fix-credentials']);
  });

  it('is mid-walk when the answers run out before an outcome', () => {
    const result = walk(tree, ['no']);
    expect(result.at).toBe('fix-credentials');
    expect(result.outcome).toBeUndefined();
  });
});

describe('mostQuestionsLeft', () => {
  it('counts the longest way from a question to an outcome', () => {
    expect(mostQuestionsLeft(tree, 'credentials')).toBe(3);
    expect(mostQuestionsLeft(tree, 'fix-credentials')).toBe(2);
    expect(mostQuestionsLeft(tree, 'softphone')).toBe(1);
  });

  it('is zero at an outcome', () => {
    expect(mostQuestionsLeft(tree, '@ticket')).toBe(0);
    expect(mostQuestionsLeft(tree, '@fixed')).toBe(0);
  });
});
