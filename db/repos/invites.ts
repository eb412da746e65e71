// Invitations and one-time link codes.
import { randomInt } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../types.js';
import { invites, linkCodes } from '../schema.js';

export type Invite = typeof invites.$inferSelect;

/** No 0/O, 1/I/L: codes are read aloud and typed on phones. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newCode(length = 8): string {
  let code = '';
  for (let i = 0; i < length; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** Accepts what people type: spaces, dashes, lower case. */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

export function createInvite(db: DbOrTx, values: Omit<typeof invites.$inferInsert, 'code'>): Invite {
  for (;;) {
    const code = newCode();
    const row = db.insert(invites).values({ ...values, code }).onConflictDoNothing().returning().get();
    if (row) return row;
  }
}

export function findInvite(db: DbOrTx, typed: string): Invite | undefined {
  return db.select().from(invites).where(eq(invites.code, normalizeCode(typed))).get();
}

export function getInvite(db: DbOrTx, id: number): Invite | undefined {
  return db.select().from(invites).where(eq(invites.id, id)).get();
}

export type InviteProblem = 'unknown' | 'expired' | 'used' | 'revoked';

export function inviteProblem(invite: Invite | undefined, now: Date): InviteProblem | undefined {
  if (!invite) return 'unknown';
  if (invite.revokedAt) return 'revoked';
  if (invite.expiresAt.getTime() < now.getTime()) return 'expired';
  if (invite.uses >= invite.maxUses) return 'used';
  return undefined;
}

/** Counts one use; false when the invite was used up meanwhile. */
export function useInvite(db: DbOrTx, invite: Invite): boolean {
  const row = db.select({ uses: invites.uses, maxUses: invites.maxUses }).from(invites).where(eq(invites.id, invite.id)).get();
  if (!row || row.uses >= row.maxUses) return false;
  db.update(invites).set({ uses: row.uses + 1 }).where(eq(invites.id, invite.id)).run();
  return true;
}

/** The open personal invites of a person (an imported person's, or role offers), oldest first. */
export function personalInvites(db: DbOrTx, personId: number): Invite[] {
  return db
    .select()
    .from(invites)
    .where(and(eq(invites.personId, personId), isNull(invites.revokedAt)))
    .all()
    .filter((i) => i.uses < i.maxUses);
}

export function createLinkCode(db: DbOrTx, personId: number, expiresAt: Date): string {
  for (;;) {
    const code = newCode(6);
    if (db.insert(linkCodes).values({ code, personId, expiresAt }).onConflictDoNothing().run().changes === 1) return code;
  }
}

/** Uses a link code; the person it links to, or undefined when it is unknown, used or expired. */
export function consumeLinkCode(db: DbOrTx, typed: string, now: Date): number | undefined {
  const row = db.select().from(linkCodes).where(eq(linkCodes.code, normalizeCode(typed))).get();
  if (!row || row.usedAt || row.expiresAt.getTime() < now.getTime()) return undefined;
  db.update(linkCodes).set({ usedAt: now }).where(eq(linkCodes.code, row.code)).run();
  return row.personId;
}
