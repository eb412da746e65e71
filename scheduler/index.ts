// Every job the scheduler runs.
import type { Job } from './job.js';
import { monthlyLogReminder, plannedSessionReminders } from './jobs/consultations.js';
import { nightlyBackup } from './jobs/backup.js';
import { weeklyDigest } from './jobs/digest.js';
import { housekeeping } from './jobs/housekeeping.js';
import { retention } from './jobs/retention.js';
import { roadmapReminders } from './jobs/roadmap.js';
import { seminarReminders } from './jobs/seminars.js';
import { surveyRounds } from './jobs/surveys.js';

export const jobs: readonly Job[] = [nightlyBackup, housekeeping, seminarReminders, surveyRounds, roadmapReminders, monthlyLogReminder, plannedSessionReminders, weeklyDigest, retention];
