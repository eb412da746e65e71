// Messenger accounts: one row per platform identity, linked to a person once
// they join.
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../types.js';
import { ready } from '../prepared.js';
import { accounts, type PlatformName } from '../schema.js';

export type Account = typeof accounts.$inferSelect;

/** Finds or creates the account of a sender, refreshing its chat and last-seen time. */
export function touchAccount(
  db: DbOrTx,
  platform: PlatformName,
  externalId: string,
  chatId: string,
  at: Date,
): Account {
  const query = ready(db, 'touchAccount', (d) =>
    d
      .insert(accounts)
      .values({ platform: sql.placeholder('platform'), externalId: sql.placeholder('externalId'), chatId: sql.placeholder('chatId'), lastSeenAt: sql.placeholder('at') })
      .onConflictDoUpdate({
        target: [accounts.platform, accounts.externalId],
        set: { chatId: sql`excluded.chat_id`, lastSeenAt: sql`excluded.last_seen_at`, active: true, blockedAt: null },
      })
      .returning()
      .prepare(),
  );
  return query.get({ platform, externalId, chatId, at }) as Account;
}

export function getAccount(db: DbOrTx, id: number): Account | undefined {
  return db.select().from(accounts).where(eq(accounts.id, id)).get();
}

export function findAccount(db: DbOrTx, platform: PlatformName, externalId: string): Account | undefined {
  return ready(db, 'findAccount', (d) =>
    d
      .select()
      .from(accounts)
      .where(and(eq(accounts.platform, sql.placeholder('platform')), eq(accounts.externalId, sql.placeholder('externalId'))))
      .prepare(),
  ).get({ platform, externalId });
}

export function accountsOfPerson(db: DbOrTx, personId: number): Account[] {
  return db.select().from(accounts).where(eq(accounts.personId, personId)).all();
}

export function setAccountLanguage(db: DbOrTx, accountId: number, language: 'ru' | 'en'): void {
  db.update(accounts).set({ language }).where(eq(accounts.id, accountId)).run();
}

export function linkAccount(db: DbOrTx, accountId: number, personId: number): void {
  db.update(accounts).set({ personId }).where(eq(accounts.id, accountId)).run();
}

/** The person blocked the bot: stop pushing until they write again. */
export function markAccountBlocked(db: DbOrTx, accountId: number, at: Date): void {
  db.update(accounts).set({ active: false, blockedAt: at }).where(eq(accounts.id, accountId)).run();
}
