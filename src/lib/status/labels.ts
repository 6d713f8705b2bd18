// Words shown to people for each enum value (the JSON keeps Statuspage's enum values).
import type { ComponentStatus } from './derive.ts';
import type { IncidentImpact, IncidentUpdateStatus, MaintenanceStatus } from './schema.ts';

export const componentStatusLabels: Record<ComponentStatus, string> = {
  operational: 'Operational',
  under_maintenance: 'Under maintenance',
  degraded_performance: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
};

export const updateStatusLabels: Record<IncidentUpdateStatus | MaintenanceStatus, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  verifying: 'Verifying',
  completed: 'Completed',
};

export const impactLabels: Record<IncidentImpact, string> = {
  none: 'No impact',
  minor: 'Minor',
  major: 'Major',
  critical: 'Critical',
};

/** The impact as a phrase on incident cards and pages: "Major impact", "No impact". */
export const impactPhrases: Record<IncidentImpact, string> = {
  none: 'No impact',
  minor: 'Minor impact',
  major: 'Major impact',
  critical: 'Critical impact',
};
