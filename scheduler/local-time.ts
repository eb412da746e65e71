// Moved to handlers/core/local-time.ts; kept while the last importers move.
export * from '../handlers/core/local-time.js';
