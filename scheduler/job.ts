// What a scheduler job is: a function of (deps, now) that records what it did,
// so running it again for the same moment does nothing. Helpers for the usual
// shape, "once a day at a local hour in every municipality".
import { municipalities } from '../db/schema.js';
import { recordJobRun } from '../db/repos/jobs.js';
import type { Tx } from '../db/client.js';
import type { CoreDeps } from '../handlers/core/context.js';
import { latestDailySlot } from '../handlers/core/local-time.js';

export type JobDeps = CoreDeps;

export interface Job {
  name: string;
  run(deps: JobDeps, now: Date): void | Promise<void>;
}

export type Municipality = typeof municipalities.$inferSelect;

export interface DailyJobSpec {
  name: string;
  /** Local time of day, HH:MM. */
  at: string;
  /** A slot missed for longer than this (the service was down) is skipped, not sent late. */
  maxLateMinutes?: number;
  /** The work for one municipality and local date, inside the transaction that records it. */
  perform(tx: Tx, deps: JobDeps, municipality: Municipality, localDate: string, slotAt: Date): void;
}

/** A job that runs once a day at a local hour in each municipality, catching up after downtime once. */
export function dailyJob(spec: DailyJobSpec): Job {
  const maxLateMs = (spec.maxLateMinutes ?? 12 * 60) * 60_000;
  return {
    name: spec.name,
    run(deps, now) {
      const all = deps.db.select().from(municipalities).all();
      for (const municipality of all) {
        const slot = latestDailySlot(now, municipality.timezone, spec.at);
        const key = `${municipality.id}:${slot.date}`;
        const late = now.getTime() - slot.at.getTime() > maxLateMs;
        const performed = deps.db.transaction((tx) => {
          if (!recordJobRun(tx, spec.name, key, now)) return false;
          if (late) return false;
          spec.perform(tx, deps, municipality, slot.date, slot.at);
          return true;
        });
        if (performed) deps.log.info({ job: spec.name, key }, 'job ran');
      }
      deps.wakeOutbox();
    },
  };
}
