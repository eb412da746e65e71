// The moments a seminar's reminders may go, as the coordinator picks them:
// a week, a day, three hours, an hour or a quarter of an hour before, in any
// mix, or none at all.
import type { Translate } from '../core/i18n.js';

/** The leads a coordinator may pick, in minutes before the start, longest first. */
export const REMINDER_LEADS = [10080, 1440, 180, 60, 15] as const;
export const DEFAULT_LEADS = [1440, 60];

/** Leads as the coordinator chose them, longest first, only the known ones. */
export function normalLeads(leads: readonly number[]): number[] {
  return REMINDER_LEADS.filter((l) => leads.includes(l));
}

/** «за день, за час», or «без напоминаний». */
export function leadsText(t: Translate, leads: readonly number[]): string {
  const known = normalLeads(leads);
  return known.length ? known.map((l) => t(`seminar-lead-${l}`)).join(', ') : t('seminar-leads-none');
}
