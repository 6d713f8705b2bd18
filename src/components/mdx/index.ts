// The components every playbook can use without importing them.
import Callout from './Callout.astro';
import Check from './Check.astro';
import Escalate from './Escalate.astro';
import Steps from './Steps.astro';

export const mdxComponents = { Callout, Check, Escalate, Steps };
