// The audit log of administrative acts.
import { and, desc, eq, gte } from 'drizzle-orm';
import type { DbOrTx } from '../types.js';
import { auditLog } from '../schema.js';

export type AuditEntry = typeof auditLog.$inferSelect;

export const auditActions = [
  'invite.created',
  'role.granted',
  'people.imported',
  'schools.imported',
  'assignment.created',
  'broadcast.sent',
  'broadcast.stopped',
  'broadcast.edited',
  'seminar.announced',
  'seminar.cancelled',
  'seminar.changed',
  'survey.launched',
  'survey.closed',
  'survey.extended',
  'export.personal-data',
  'roadmap.imported',
  'person.forgotten',
  'backup.restored',
  'retention.applied',
] as const;
export type AuditAction = (typeof auditActions)[number];

export function audit(
  db: DbOrTx,
  entry: { at: Date; actorId: number | null; municipalityId: number | null; action: AuditAction; details?: Record<string, unknown> },
): void {
  db.insert(auditLog).values({ ...entry, details: entry.details ?? {} }).run();
}

export function auditOf(db: DbOrTx, municipalityId: number, since?: Date, limit = 1000): AuditEntry[] {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.municipalityId, municipalityId), since ? gte(auditLog.at, since) : undefined))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .all();
}
