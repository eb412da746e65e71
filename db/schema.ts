// The drizzle schema: every table Opora keeps, split by area under db/schema/ and
// re-exported here so the rest of the code imports from one place. Migrations in
// db/migrations are generated from this file with `npm run db:generate`; never
// edit them by hand.
export * from './schema/organisations.js';
export * from './schema/people.js';
export * from './schema/messaging.js';
export * from './schema/payloads.js';
export * from './schema/seminars.js';
export * from './schema/consultations.js';
export * from './schema/surveys.js';
export * from './schema/roadmap.js';
