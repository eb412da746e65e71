// Audiences as coordinators choose them (presets and schools), who they reach
// on which messenger, and queueing one message per person into the outbox,
// outside quiet hours unless the coordinator marked it urgent.
import { peopleInAudience, primaryAccounts } from '../../db/repos/audience.js';
import { enqueueOutbox, type OutboxItem } from '../../db/repos/outbox.js';
import { supportedStatuses } from '../../db/repos/org.js';
import type { Person } from '../../db/repos/people.js';
import type { DbOrTx } from '../../db/client.js';
import type { Audience, PlatformName } from '../../db/schema.js';
import { municipalityZone, outsideQuietHours } from './local-time.js';
import type { Reply } from './contract.js';
import type { CoreDeps } from './context.js';
import type { Translate } from './i18n.js';
import { outboxItem } from './outbox.js';

export const audiencePresets = ['everyone', 'supported', 'teachers', 'admins', 'helpers'] as const;
export type AudiencePreset = (typeof audiencePresets)[number];

export function presetAudience(preset: AudiencePreset): Audience {
  switch (preset) {
    case 'everyone':
      return {};
    case 'supported':
      return { statuses: [...supportedStatuses], roles: ['school_admin', 'teacher'] };
    case 'teachers':
      return { roles: ['teacher'] };
    case 'admins':
      return { roles: ['school_admin'] };
    case 'helpers':
      return { roles: ['mentor', 'tutor'] };
  }
}

export interface Reach {
  people: Person[];
  /** Person id → the account a message goes to. */
  accounts: Map<number, { id: number; platform: PlatformName; chatId: string }>;
  perPlatform: Partial<Record<PlatformName, number>>;
  /** People in the audience who have not joined or cannot be reached. */
  unreachable: number;
}

export function reach(db: DbOrTx, municipalityId: number, audience: Audience): Reach {
  const people = peopleInAudience(db, municipalityId, audience);
  const accounts = primaryAccounts(db, people.map((p) => p.id));
  const perPlatform: Partial<Record<PlatformName, number>> = {};
  for (const a of accounts.values()) perPlatform[a.platform] = (perPlatform[a.platform] ?? 0) + 1;
  return { people, accounts, perPlatform, unreachable: people.length - accounts.size };
}

export function reachText(t: Translate, r: Reach): string {
  const platforms = (Object.entries(r.perPlatform) as [PlatformName, number][]).map(([p, n]) => `${t(`platform-${p}`)}: ${n}`).join(', ');
  return t('audience-reach', { total: r.accounts.size, platforms: platforms || '—', unreachable: r.unreachable });
}

/**
 * Queues one message per reachable person in one transaction. Each row's
 * dedupe key is `${key}:${personId}`, so queueing again adds nothing.
 */
export function queueToReach(
  tx: DbOrTx,
  deps: Pick<CoreDeps, 'i18n' | 'settings'>,
  municipalityId: number,
  r: Reach,
  message: (person: Person, t: Translate) => Reply,
  options: { key: string; batch?: string; now: Date; urgent?: boolean; fileId?: number },
): number {
  const zone = municipalityZone({ db: tx, settings: deps.settings }, municipalityId);
  const notBefore = options.urgent ? options.now : outsideQuietHours(options.now, zone, deps.settings.quietHours);
  const items: OutboxItem[] = [];
  for (const person of r.people) {
    const account = r.accounts.get(person.id);
    if (!account) continue;
    const t: Translate = (k, a) => deps.i18n.t(person.language, k, a);
    items.push(outboxItem(account, message(person, t), { dedupeKey: `${options.key}:${person.id}`, batch: options.batch, notBefore, fileId: options.fileId }));
  }
  return enqueueOutbox(tx, items);
}
