// Every job the scheduler runs.
import type { Job } from './job.js';
import { housekeeping } from './jobs/housekeeping.js';
import { seminarReminders } from './jobs/seminars.js';

export const jobs: readonly Job[] = [housekeeping, seminarReminders];
