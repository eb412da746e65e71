// Every job the scheduler runs.
import type { Job } from './job.js';
import { housekeeping } from './jobs/housekeeping.js';

export const jobs: readonly Job[] = [housekeeping];
