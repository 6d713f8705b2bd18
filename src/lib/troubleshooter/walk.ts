// Walking a tree: where an answer leads, and the steps a customer tried, to carry into the ticket form.
import { isOutcome, type Outcome } from './outcomes.ts';
import type { TroubleshooterTree } from './schema.ts';

export type Answer = 'yes' | 'no';

export interface WalkStep {
  nodeId: string;
  question: string;
  answer: Answer;
  /** the line recorded in the ticket */
  step: string;
}

export interface Walk {
  steps: WalkStep[];
  /** the node now being asked, or the outcome the walk ended in */
  at: string;
  outcome?: Outcome;
}

/** Replays answers given in order from the start. Answers after the walk has ended are ignored. */
export function walk(tree: TroubleshooterTree, answers: readonly Answer[]): Walk {
  const steps: WalkStep[] = [];
  let at = tree.start;
  for (const answer of answers) {
    if (isOutcome(at)) break;
    const node = tree.nodes[at];
    if (!node) throw new Error(`troubleshooter '${tree.article}' has no node '${at}'`);
    const recorded = answer === 'yes' ? node.yesStep : node.noStep;
    steps.push({
      nodeId: at,
      question: node.question,
      answer,
      step: recorded ?? `${node.question} ${answer === 'yes' ? 'Yes' : 'No'}.`,
    });
    at = node[answer];
  }
  return isOutcome(at) ? { steps, at, outcome: at } : { steps, at };
}

/** The steps tried, one line each, for the ticket form's `tried` field. */
export function stepsTaken(tree: TroubleshooterTree, answers: readonly Answer[]): string[] {
  return walk(tree, answers).steps.map((s) => s.step);
}

/** The most questions still to answer from `at` (0 at an outcome), for "question 2 of at most 6". */
export function mostQuestionsLeft(tree: TroubleshooterTree, at: string): number {
  if (isOutcome(at)) return 0;
  const node = tree.nodes[at];
  if (!node) throw new Error(`troubleshooter '${tree.article}' has no node '${at}'`);
  return 1 + Math.max(mostQuestionsLeft(tree, node.yes), mostQuestionsLeft(tree, node.no));
}
