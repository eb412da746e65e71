// Queries run on every update are built once per database and kept ready:
// building a query with drizzle costs more than SQLite takes to run it, so
// the hot paths (an update recorded, handled, its reply sent) use these.
// Values that vary are placeholders; where a placeholder is compared with a
// timestamp column it takes milliseconds, since a comparison is not encoded.
import type { DbOrTx } from './types.js';

const caches = new WeakMap<object, Map<string, unknown>>();

/**
 * The query `name`, built by `build` once per database connection. Inside a
 * drizzle transaction object (which has no connection of its own to key by)
 * it is built each time: the connection is the same, so the result is too.
 */
export function ready<Q>(db: DbOrTx, name: string, build: (db: DbOrTx) => Q): Q {
  const client = '$client' in db ? (db.$client as object) : undefined;
  if (!client) return build(db);
  let cache = caches.get(client);
  if (!cache) caches.set(client, (cache = new Map()));
  let query = cache.get(name) as Q | undefined;
  if (query === undefined) {
    query = build(db);
    cache.set(name, query);
  }
  return query;
}
