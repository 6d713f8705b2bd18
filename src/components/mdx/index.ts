// The components every playbook can use without importing them.
import Callout from './Callout.astro';
import Check from './Check.astro';
import Escalate from './Escalate.astro';
import Steps from './Steps.astro';
import SupportContacts from './SupportContacts.astro';
import SupportPolicyTable from './SupportPolicyTable.astro';

export const mdxComponents = { Callout, Check, Escalate, Steps, SupportContacts, SupportPolicyTable };
