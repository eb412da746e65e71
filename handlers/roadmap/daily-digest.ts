// One road-map message a day per person instead of many. A school admin
// responsible for a dozen items due in the same week would otherwise get a
// dozen reminders at 10:00; from DIGEST_THRESHOLD on, they get one digest:
// due today, due within the week, overdue, spans that begin, monthly
// check-ins (and, for a coordinator, others' overdue items), each numbered
// with «N ✓» / «N ⟳» buttons that lead to the usual «Выполнено» and
// «Перенести» (which check the presser again). Below the threshold the
// reminders go one by one, as they always did.
//
// Exactly once: every reminder a person has had, alone or inside a digest,
// is remembered in kv (`roadmap-reminded:<person>:<reminder key>`), so what a
// digest covered is never sent again on its own, and the digest itself has
// its own dedupe key per person and local date.
import { DateTime } from 'luxon';
import { getPerson } from '../../db/repos/people.js';
import { getValue, pruneDated, setValue } from '../../db/repos/kv.js';
import { hasDedupeKey } from '../../db/repos/outbox.js';
import type { DbOrTx } from '../../db/client.js';
import type { Button, Reply } from '../core/contract.js';
import type { CoreDeps } from '../core/context.js';
import { formatIsoDay } from '../core/format.js';
import type { Translate } from '../core/i18n.js';
import { notifyPerson, primaryAccount } from '../core/outbox.js';
import { doneAction, dueOf, postponeAction } from './progress.js';
import { sendReminderTo, type DueReminder } from './reminders.js';

/** From this many road-map reminders at once, a person gets one digest instead. */
export const DIGEST_THRESHOLD = 3;
/**
 * The most items a digest lists with buttons; the rest are counted and left
 * to /roadmap. Ten rows of two buttons fit Telegram (100 buttons), MAX (30
 * rows) and two VK inline keyboards (at most 6 rows and 10 buttons each).
 */
export const DIGEST_MAX_ITEMS = 10;
const TITLE_CHARS = 70;

type Section = 'today' | 'soon' | 'overdue' | 'start' | 'month' | 'escalated';
/** The order sections are shown in. */
const SECTIONS: readonly Section[] = ['today', 'soon', 'overdue', 'start', 'month', 'escalated'];
/** Which come first when not everything fits. */
const URGENCY: Record<Section, number> = { overdue: 0, today: 1, soon: 2, start: 3, month: 4, escalated: 5 };

/** An item the digest lists: its reminder, or an overdue milestone already reminded, shown again for the whole picture. */
export type DigestItem = Pick<DueReminder, 'milestone' | 'item' | 'roadmap'> & { reminder?: DueReminder['reminder'] };

const remindedKey = (personId: number, reminderKey: string) => `roadmap-reminded:${personId}:${reminderKey}`;
export const digestKey = (personId: number, localDate: string) => `roadmap-digest:${personId}:${localDate}`;

/**
 * Whether a person has had this reminder, alone or in a digest. The outbox is
 * asked too: reminders queued before digests existed left no note in kv, and
 * must not come back folded into someone's first digest.
 */
export function wasReminded(db: DbOrTx, personId: number, reminderKey: string): boolean {
  return getValue(db, remindedKey(personId, reminderKey)) !== undefined || hasDedupeKey(db, `${reminderKey}:${personId}`);
}

/**
 * Forgets notes older than a year: by then a deadline's reminders are long
 * past, and an item still open a year after its date is the coordinators'
 * business, not a reminder's. Returns how many notes went.
 */
export function forgetOldReminderNotes(db: DbOrTx, today: string): number {
  const yearAgo = DateTime.fromISO(today).minus({ years: 1 }).toISODate()!;
  return pruneDated(db, 'roadmap-reminded:', yearAgo) + pruneDated(db, 'roadmap-digest:', yearAgo, { dateAtEnd: true });
}

function markReminded(db: DbOrTx, personId: number, reminderKey: string, localDate: string): void {
  setValue(db, remindedKey(personId, reminderKey), localDate);
}

function sectionOf(entry: DigestItem, today: string): Section {
  switch (entry.reminder?.kind) {
    case 'overdue':
      return 'escalated';
    case 'start':
      return 'start';
    case 'month':
      return 'month';
    case 'd1':
    case 'd7':
      return 'soon';
    default:
      return dueOf(entry.milestone) < today ? 'overdue' : 'today';
  }
}

function line(t: Translate, entry: DigestItem, section: Section): string {
  const title = `${entry.item.number} ${entry.item.title.slice(0, TITLE_CHARS)}${entry.item.title.length > TITLE_CHARS ? '…' : ''}`;
  const when = formatIsoDay(dueOf(entry.milestone));
  if (section === 'start' && entry.milestone.from) return t('roadmap-digest-line-span', { title, from: formatIsoDay(entry.milestone.from), when });
  if (section === 'escalated') return t('roadmap-digest-line-escalated', { title, when, responsible: (entry.item.responsibleText || '—').slice(0, 60) });
  return t('roadmap-digest-line', { title, when });
}

/**
 * The digest's text and buttons for the local date `today`: the most urgent
 * DIGEST_MAX_ITEMS of one's own items, numbered, and then others' overdue
 * items without buttons (a coordinator is told, the responsible act).
 */
export function digestMessage(t: Translate, entries: readonly DigestItem[], today: string): Reply {
  const sorted = entries
    .map((entry) => ({ entry, section: sectionOf(entry, today) }))
    .sort((a, b) => URGENCY[a.section] - URGENCY[b.section] || dueOf(a.entry.milestone).localeCompare(dueOf(b.entry.milestone)));
  const own = sorted.filter((s) => s.section !== 'escalated');
  const ownIds = new Set(own.map((s) => s.entry.milestone.id));
  const escalated = sorted.filter((s) => s.section === 'escalated' && !ownIds.has(s.entry.milestone.id));
  const shown = [...own.slice(0, DIGEST_MAX_ITEMS), ...escalated.slice(0, DIGEST_MAX_ITEMS)];
  const hidden = own.length + escalated.length - shown.length;

  const lines = [t('roadmap-digest-heading', { count: own.length + escalated.length })];
  const buttons: Button[][] = [];
  let n = 0;
  for (const section of SECTIONS) {
    const list = shown.filter((s) => s.section === section);
    if (list.length === 0) continue;
    lines.push('', t(`roadmap-digest-${section}`));
    for (const { entry } of list) {
      if (section === 'escalated') {
        lines.push(`• ${line(t, entry, section)}`);
        continue;
      }
      n++;
      lines.push(`${n}. ${line(t, entry, section)}`);
      buttons.push([
        { kind: 'action', label: t('roadmap-digest-done', { n }), data: doneAction.encode(entry.milestone.id) },
        { kind: 'action', label: t('roadmap-digest-postpone', { n }), data: postponeAction.encode(entry.milestone.id) },
      ]);
    }
  }
  if (hidden > 0) lines.push('', t('roadmap-digest-more', { count: hidden }));
  if (buttons.length > 0) lines.push('', t('roadmap-digest-hint'));
  return { text: lines.join('\n'), buttons };
}

export interface DeliverOptions {
  /** The person's local date: the digest's key and what "today" means in it. */
  today: string;
  notBefore: Date;
  /** The person's other open overdue items, asked for only when a digest goes. */
  overdue?: () => DigestItem[];
}

/**
 * Sends a person the road-map reminders due for them now: those not had yet,
 * one by one below DIGEST_THRESHOLD, else as today's digest. Once today's
 * digest has gone, more that come the same day wait for tomorrow's. Returns
 * how many messages were queued.
 */
export function deliverReminders(tx: DbOrTx, deps: Pick<CoreDeps, 'i18n'>, personId: number, due: readonly DueReminder[], options: DeliverOptions): number {
  const person = getPerson(tx, personId);
  // Nobody to reach yet: nothing is marked, so whoever links their messenger later still hears of it.
  if (!person || person.erasedAt || !primaryAccount(tx, personId)) return 0;
  const seen = new Set<string>();
  const fresh = due.filter((d) => {
    if (seen.has(d.reminder.key) || wasReminded(tx, personId, d.reminder.key)) return false;
    seen.add(d.reminder.key);
    return true;
  });
  if (fresh.length === 0) return 0;
  if (fresh.length < DIGEST_THRESHOLD) {
    let queued = 0;
    for (const d of fresh) {
      if (sendReminderTo(tx, deps, personId, d, options.notBefore)) queued++;
      // A false here means it was queued before: either way, it is had.
      markReminded(tx, personId, d.reminder.key, options.today);
    }
    return queued;
  }
  if (getValue(tx, digestKey(personId, options.today)) !== undefined) return 0;
  const freshIds = new Set(fresh.filter((d) => d.reminder.to === 'responsible').map((d) => d.milestone.id));
  const context = (options.overdue?.() ?? []).filter((e) => !freshIds.has(e.milestone.id));
  const entries: DigestItem[] = [...fresh, ...context];
  const queued = notifyPerson(tx, deps.i18n, personId, (t) => digestMessage(t, entries, options.today), {
    dedupeKey: digestKey(personId, options.today),
    batch: `roadmap-digest:${options.today}`,
    notBefore: options.notBefore,
  });
  setValue(tx, digestKey(personId, options.today), String(fresh.length));
  for (const d of fresh) markReminded(tx, personId, d.reminder.key, options.today);
  return queued ? 1 : 0;
}
