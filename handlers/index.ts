// Every feature of the core, in the order /help lists their commands.
import type { Feature } from './core/dispatch.js';
import { startFeature } from './start/index.js';

export const features: readonly Feature[] = [startFeature];
