// Time as a tutor counts it, shared by /mylog, the plans and the report.
import type { Translate } from '../core/i18n.js';

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/**
 * A month's time as a tutor counts it: «45 мин», «3 ч 20 мин», «2 ч»; from
 * ten hours on, hours to a tenth are close enough («12,5 ч»).
 */
export function duration(t: Translate, minutes: number): string {
  if (minutes < 60) return t('duration-minutes', { minutes });
  if (minutes >= 600) return t('duration-hours', { hours: hours(minutes) });
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? t('duration-whole-hours', { hours: h }) : t('duration-hours-minutes', { hours: h, minutes: m });
}
