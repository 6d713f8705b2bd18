// Starting texts for the incidents a voice provider posts most, so the first update goes out in a minute and says
// what customers need: what fails, for whom, what to do meanwhile. Pure data plus the filling; edit the wording
// here (it is reviewed like code, and the unit tests check every template still makes a valid incident).
// `npm run incident -- open --template <id>` fills them; --title and --body replace the filled text.
import type { IncidentComponentStatus, IncidentImpact, IncidentUpdateStatus } from './schema.ts';

export interface IncidentTemplate {
  id: string;
  /** What it is for, in `--list-templates`. */
  description: string;
  title: string;
  /** Components used when none is given on the command line (ids of the shipped incidents.json). */
  components: readonly string[];
  /** The status of a component given without one (`--component outbound-calls`). */
  componentStatus: IncidentComponentStatus;
  /** Omitted: from the worst component status, as for any new incident. */
  impact?: IncidentImpact;
  /** The body for each update status; `{components}` becomes the components' names. */
  bodies: Readonly<Record<IncidentUpdateStatus, string>>;
}

export const incidentTemplates: readonly IncidentTemplate[] = [
  {
    id: 'carrier-route-failure',
    description: 'calls to some destinations fail on one carrier route',
    title: 'Calls to some destinations failing',
    components: ['outbound-calls'],
    componentStatus: 'partial_outage',
    bodies: {
      investigating:
        'We are investigating reports that some outgoing calls fail with a fast busy signal or a recorded announcement. Affected: {components}. Calls to other destinations complete normally; if a call fails, dialling again may go through another route.',
      identified:
        'A carrier on one of our routes is failing calls. We are moving these calls to other carriers. Affected: {components}.',
      monitoring: 'Calls now go through other carriers and complete normally. We are watching call completion closely.',
      resolved: 'Calls to every destination complete normally again. The carrier route has been restored.',
    },
  },
  {
    id: 'registration-outage',
    description: 'phones or trunks cannot register, so calls do not reach them',
    title: 'Phones and trunks cannot register',
    components: ['hosted-pbx', 'sip-trunking'],
    componentStatus: 'major_outage',
    bodies: {
      investigating:
        'We are investigating phones and SIP trunks that show "No service" or fail to register. Affected: {components}. Please do not factory-reset phones or change their settings: they register again by themselves once this is fixed. Calls forwarded to mobile numbers keep working.',
      identified:
        'We have found the cause: our registration servers are refusing some registrations. A fix is being applied. Affected: {components}.',
      monitoring:
        'Registrations succeed again and phones are coming back online. A phone still showing "No service" in 15 minutes can be restarted.',
      resolved: 'Phones and trunks register normally again.',
    },
  },
  {
    id: 'degraded-call-quality',
    description: 'choppy, robotic or one-way audio on some calls',
    title: 'Poor audio quality on some calls',
    components: ['inbound-calls', 'outbound-calls'],
    componentStatus: 'degraded_performance',
    bodies: {
      investigating:
        'We are investigating reports of choppy, robotic or one-way audio on some calls. Affected: {components}. Calls still connect. When you report a call, send its time, the number called and the number calling.',
      identified:
        'We have found the cause of the audio problems: network congestion on one of our media paths. We are moving calls to other paths. Affected: {components}.',
      monitoring: 'Audio quality is back to normal on new calls. We are watching call quality closely.',
      resolved: 'Audio quality is normal on every call again.',
    },
  },
  {
    id: 'porting-delay',
    description: 'number ports take longer than promised',
    title: 'Number ports delayed',
    components: ['number-porting'],
    componentStatus: 'degraded_performance',
    impact: 'minor',
    bodies: {
      investigating:
        'Number ports are taking longer than usual to complete. Affected: {components}. Your numbers keep working with your current provider until the port completes, and no port request needs to be submitted again.',
      identified:
        'The delay is on the carriers exchanging port requests with us. We are working with them; ports scheduled for today may move to the next business day.',
      monitoring: 'Delayed ports are completing again. We are following each scheduled port until it completes.',
      resolved: 'Number ports complete on their scheduled dates again.',
    },
  },
  {
    id: 'sms-delivery-delay',
    description: 'text messages arrive late',
    title: 'Text messages delivered late',
    components: ['sms'],
    componentStatus: 'degraded_performance',
    bodies: {
      investigating:
        'Some text messages are being delivered late. Affected: {components}. Messages are not lost: they are queued and will be delivered; please do not send them again.',
      identified: 'A messaging carrier is slow to accept messages. We are sending messages through another carrier.',
      monitoring: 'Messages are delivered on time again and the queue is emptying. We are watching delivery times.',
      resolved: 'Text messages are delivered on time again, and every queued message has been delivered.',
    },
  },
];

export function findTemplate(id: string): IncidentTemplate | undefined {
  return incidentTemplates.find((t) => t.id === id);
}

/** "Outbound calls", "Inbound calls and Outbound calls", "A, B and C" */
function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** A template text with `{components}` replaced by the components' names. */
export function fillTemplate(text: string, componentNames: readonly string[]): string {
  return text.replaceAll('{components}', listNames(componentNames));
}

/** One line per template for `--list-templates`. */
export function templateList(): string[] {
  const width = Math.max(...incidentTemplates.map((t) => t.id.length));
  return incidentTemplates.map(
    (t) =>
      `${t.id.padEnd(width)}  ${t.description} (components: ${t.components.join(', ')}; status ${t.componentStatus})`,
  );
}
