// The one way the core's dependencies are put together: the service, the
// benchmarks and the tests all build them here, so a new dependency is added
// in one place and every caller gets the same defaults.
import type { Db } from '../db/types.js';
import type { Clock } from '../handlers/core/clock.js';
import type { CoreDeps, Settings } from '../handlers/core/context.js';
import type { Log } from '../handlers/core/log.js';
import { createI18n } from '../locales/i18n.js';

/** The settings a caller must give; the rest have the service's defaults. */
export type SettingsInput = Pick<Settings, 'defaultTimezone'> & Partial<Settings>;

export const DEFAULT_QUIET_HOURS = { start: '21:00', end: '08:00' } as const;
export const DEFAULT_DIALOG_TTL_MINUTES = 60;

export function coreDeps(input: { db: Db; clock: Clock; log: Log; settings: SettingsInput; wakeOutbox?: () => void }): CoreDeps {
  const { settings } = input;
  return {
    db: input.db,
    clock: input.clock,
    i18n: createI18n(),
    log: input.log,
    settings: {
      ...settings,
      quietHours: settings.quietHours ?? { ...DEFAULT_QUIET_HOURS },
      dialogTtlMinutes: settings.dialogTtlMinutes ?? DEFAULT_DIALOG_TTL_MINUTES,
      links: settings.links ?? {},
    },
    wakeOutbox: input.wakeOutbox ?? (() => {}),
  };
}
