// Answers -> priority: the support policy's rules, first match decides, each fired rule explains itself.
import { PRIORITIES, type Priority, type SupportPolicy } from '../policy/schema.ts';
import type { Answers } from './answers.ts';
import { categoryImpact, type Category } from './categories.ts';

export type TriageAnswers = Omit<Answers, 'submittedAt'>;

export interface TriageResult {
  priority: Priority;
  reasons: string[];
}

const REQUEST_REASONS: Partial<Record<Category, string>> = {
  setup: 'Setting something up is not a fault in a working service: low priority.',
  question: 'A question about how something works does not affect a working service: low priority.',
  'feature-request': 'A feature request does not affect a working service: low priority.',
};

/** What "down" means for each category whose failure stops calls or access. */
const DOWN_PHRASES: Partial<Record<Category, string>> = {
  outage: 'cannot make or receive calls',
  'outbound-calls': 'cannot make outgoing calls',
  'inbound-calls': 'cannot receive calls',
  'call-quality': 'have calls with unusable audio',
  registration: 'have phones that will not register',
  portal: 'cannot use the web portal',
  fax: 'cannot send or receive faxes',
  messaging: 'cannot send or receive text messages',
};

const FEATURE_NOUNS: Partial<Record<Category, string>> = {
  voicemail: 'A voicemail problem',
  'call-routing': 'A call-routing problem',
  'caller-id': 'A caller ID problem',
  porting: 'A number port',
  billing: 'A billing problem',
  account: 'An account or security matter',
};

/** Where a service that never worked is a go-live or port day gone wrong, not setup: calls do not work. */
const GO_LIVE_CATEGORIES: ReadonlySet<Category> = new Set([
  'outage',
  'inbound-calls',
  'outbound-calls',
  'registration',
]);

export function triage(answers: TriageAnswers, policy: SupportPolicy): TriageResult {
  const base = basePriority(answers, policy.thresholds.criticalShare);
  if (!answers.workaround || (base.priority !== 'critical' && base.priority !== 'high')) return base;
  const lowered = base.priority === 'critical' ? 'high' : 'normal';
  return {
    priority: lowered,
    reasons: [...base.reasons, `A workaround works for now, so ${base.priority} is lowered to ${lowered}.`],
  };
}

function basePriority(answers: TriageAnswers, criticalShare: number): TriageResult {
  const impact = categoryImpact(answers.category);
  if (impact === 'request') return { priority: 'low', reasons: [REQUEST_REASONS[answers.category]!] };
  if (!answers.previouslyWorking) {
    if (
      GO_LIVE_CATEGORIES.has(answers.category) &&
      (answers.serviceState === 'down' || answers.serviceState === 'degraded')
    ) {
      const impact = serviceImpact(answers, criticalShare);
      return {
        priority: impact.priority,
        reasons: [
          'It has never worked, but calls do not work on a new service (a go-live or port day): at least high, not setup.',
          ...impact.reasons,
        ],
      };
    }
    return {
      priority: 'low',
      reasons: ['It has never worked, so this is new setup or configuration rather than a fault: low priority.'],
    };
  }
  if (answers.serviceState === 'not-affected') {
    return {
      priority: 'normal',
      reasons: ['Calls and service still work (not affected): normal priority.'],
    };
  }
  if (impact === 'feature') {
    return {
      priority: 'normal',
      reasons: [`${FEATURE_NOUNS[answers.category]!} does not stop calls: normal priority.`],
    };
  }
  return serviceImpact(answers, criticalShare);
}

function serviceImpact(answers: TriageAnswers, criticalShare: number): TriageResult {
  const { affectedUsers, totalUsers } = answers;
  const share = affectedUsers / totalUsers;
  const who = `${affectedUsers} of ${totalUsers} users (${formatPercent(share)})`;
  if (answers.category === 'portal') {
    // The policy lists a portal outage under high: calls still work, however many users cannot sign in.
    return {
      priority: 'high',
      reasons: [`The customer portal is not working for ${who}, but calls still work: a portal problem is high.`],
    };
  }
  const threshold = formatPercent(criticalShare);
  if (answers.serviceState === 'down') {
    const what = `${who} ${DOWN_PHRASES[answers.category]!}`;
    if (share >= criticalShare) {
      return {
        priority: 'critical',
        reasons: [`${what}: at least ${threshold} with service down is critical.`],
      };
    }
    return {
      priority: 'high',
      reasons: [`${what}: service down for fewer than ${threshold} of users is high.`],
    };
  }
  const how =
    answers.serviceState === 'degraded'
      ? `Service works, but badly, for ${who}: degraded service is high.`
      : `Service fails on and off for ${who}: an intermittent problem is high.`;
  return { priority: 'high', reasons: [how] };
}

/** 0.3 -> "30%", 1/3 -> "33.3%"; truncated (never rounded up) so a share below the threshold never reads as it. */
export function formatPercent(share: number): string {
  const tenths = Math.floor(share * 1000 + 1e-9);
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)}%`;
}

/** True when `requested` is more urgent than `derived` (critical is the most urgent). */
export function isMoreUrgent(requested: Priority, derived: Priority): boolean {
  return PRIORITIES.indexOf(requested) < PRIORITIES.indexOf(derived);
}
