// Column helpers shared by every area's tables, so they are written the same way everywhere.
import { sql } from 'drizzle-orm';
import { integer } from 'drizzle-orm/sqlite-core';

/** When the row was created, in milliseconds, filled in by SQLite. */
export const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
