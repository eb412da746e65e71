// Every feature of the core, in the order /help lists their commands.
import { assignmentsFeature } from './assignments/index.js';
import { auditFeature } from './audit/index.js';
import { broadcastsFeature } from './broadcasts/index.js';
import { consultationsFeature } from './consultations/index.js';
import type { Feature } from './core/dispatch.js';
import { generalFeature } from './general/index.js';
import { peopleFeature } from './people/index.js';
import { roadmapFeature } from './roadmap/index.js';
import { seminarsFeature } from './seminars/index.js';
import { surveysFeature } from './surveys/index.js';

export const features: readonly Feature[] = [peopleFeature, assignmentsFeature, surveysFeature, seminarsFeature, broadcastsFeature, consultationsFeature, roadmapFeature, auditFeature, generalFeature];
