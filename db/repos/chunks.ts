// Runs a query over a long list of ids in parts: SQLite allows only so many
// bound variables in one statement (32,766 in this build), and a region's
// people can outnumber that.
const CHUNK = 500;

export function inChunks<T, R>(ids: readonly T[], query: (part: T[]) => R[]): R[] {
  const rows: R[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) rows.push(...query(ids.slice(i, i + CHUNK)));
  return rows;
}
