// The shape of content/codes.json: the SIP response codes and Q.850 hangup causes a customer may see, each
// explained in plain words and pointing to the playbook that fixes it.
import { z } from 'zod';

const articleId = z
  .string()
  .regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, {
    message: "write an article as '<category>/<slug>', e.g. 'registration/phone-wont-register'",
  })
  .meta({ description: 'A playbook id: content/articles/<category>/<slug>.mdx without the extension.' });

const plainText = (what: string) =>
  z
    .string()
    .trim()
    .min(10, { message: `write ${what} in a full sentence (10 characters at least)` });

const explained = {
  meaning: plainText('what the code means').meta({ description: 'What the code means, in plain words.' }),
  likelyCauses: z
    .array(plainText('each likely cause'))
    .min(1, { message: 'list at least one likely cause' })
    .meta({ description: 'The usual reasons a customer sees this code, most likely first.' }),
  whatToDo: plainText('what to do').meta({ description: 'One or two sentences: what the customer does next.' }),
  articles: z
    .array(articleId)
    .min(1, { message: 'link at least one playbook that fixes it' })
    .meta({ description: 'The playbooks to follow, best first. Each must list this code in its `codes`.' }),
};

export const sipCodeEntry = z.strictObject({
  code: z
    .int({ message: 'write the SIP response code as a number, e.g. 403' })
    .min(100, { message: 'a SIP response code is between 100 and 699' })
    .max(699, { message: 'a SIP response code is between 100 and 699' }),
  phrase: z
    .string()
    .trim()
    .min(2, { message: "write the reason phrase, e.g. 'Forbidden'" })
    .meta({ description: 'The standard reason phrase, e.g. Forbidden.' }),
  ...explained,
});

export const q850CauseEntry = z.strictObject({
  cause: z
    .int({ message: 'write the Q.850 cause as a number, e.g. 3' })
    .min(1, { message: 'a Q.850 cause is between 1 and 127' })
    .max(127, { message: 'a Q.850 cause is between 1 and 127' }),
  name: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]*$/, { message: "write the hangup cause name in capitals, e.g. 'NO_ROUTE_DESTINATION'" })
    .meta({ description: 'The hangup cause name as call records show it, e.g. NO_ROUTE_DESTINATION.' }),
  ...explained,
  sipEquivalent: z
    .int()
    .min(400, { message: 'the SIP equivalent is a failure code between 400 and 699' })
    .max(699, { message: 'the SIP equivalent is a failure code between 400 and 699' })
    .optional()
    .meta({ description: 'The SIP response usually sent for this cause, e.g. 404 for cause 1.' }),
});

export const codeReference = z.strictObject({
  $schema: z.string().optional(),
  sip: z.array(sipCodeEntry),
  q850: z.array(q850CauseEntry),
});

export type SipCodeEntry = z.infer<typeof sipCodeEntry>;
export type Q850CauseEntry = z.infer<typeof q850CauseEntry>;
export type CodeReference = z.infer<typeof codeReference>;
