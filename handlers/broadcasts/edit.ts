// «Исправить текст»: a sent broadcast's text changed in place, in every chat
// where the platform lets the bot edit its message. One outbox row of kind
// 'edit' goes to each person whose message can be edited (the transports
// edit it by the platform id the sender kept); the others (no id kept, past
// VK's 24 hours, a VK message with a file, a text that was split) are
// counted, and one tap sends them the new text as a correction instead, so
// everybody who got the announcement ends up reading the right one.
// The delivery report also says how many chats the message is pinned in.
// Every button re-checks that the presser coordinates the municipality.
import { editCount, getEdit, noteEditCorrection, recordEdit, type BroadcastEdit } from '../../db/repos/broadcast-edits.js';
import { audit } from '../../db/repos/audit.js';
import { acksOf, type Broadcast } from '../../db/repos/broadcasts.js';
import { getPerson } from '../../db/repos/people.js';
import { deliveredRows, enqueueOutbox, personIdsIn, pinnedCount, type DeliveredRow, type OutboxItem } from '../../db/repos/outbox.js';
import type { EditPayload, PlatformName } from '../../db/schema.js';
import { requireAdminOf } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Button, Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import type { DialogDef } from '../core/dialog.js';
import { withHeldNotice } from '../core/held.js';
import { municipalityZone } from '../core/local-time.js';
import { ackedButtons } from './ack-button.js';
import { broadcastButtons, ownBroadcast, reportAction } from './report.js';
import { broadcastBatch, sendBroadcast } from './send.js';

/** «Исправить текст» under a delivery report. */
export const editAction = defineAction('bce', idArg);
/** «Обновить» under an edit's outcome: broadcast, edit number. */
export const editStatusAction = defineAction('bcep', idArg, idArg);
/** «Отправить поправку им»: the new text as a correction to those the edit could not reach. */
export const editFallbackAction = defineAction('bcef', idArg, idArg);

const HOUR = 60 * 60 * 1000;
/** VK lets a community edit its message for 24 hours; an hour is kept in hand for the queue. */
const VK_EDIT_WINDOW_MS = 23 * HOUR;
/** MAX edits a dialog message without buttons only within 7 days (one with buttons at any age). */
const MAX_EDIT_WINDOW_MS = 7 * 24 * HOUR - HOUR;

/** The longest text one message holds: Telegram's caption of a document is shorter than its text. */
function singleMessageLimit(platform: PlatformName, withFile: boolean): number {
  if (platform === 'telegram') return withFile ? 1024 : 4096;
  if (platform === 'max') return 4000;
  return 4096;
}

export const editBatch = (broadcastId: number, n: number) => `broadcast-edit:${broadcastId}:${n}`;

/** Whether a delivered message can be edited in place now; anything else gets the correction. */
function editable(row: DeliveredRow, now: Date): boolean {
  const payload = row.payload;
  if (payload.kind === 'replies' || payload.kind === 'edit' || !row.platformMessageId || !row.sentAt) return false;
  const withFile = payload.fileId !== undefined;
  // The text went as several messages: editing the first would leave the rest as they were.
  if (payload.text.length > singleMessageLimit(row.platform, withFile)) return false;
  const age = now.getTime() - row.sentAt.getTime();
  if (row.platform === 'vk') {
    // messages.edit takes the attachments anew, and the document's attachment string is not kept.
    return !withFile && age < VK_EDIT_WINDOW_MS;
  }
  if (row.platform === 'max') return (payload.buttons?.length ?? 0) > 0 || age < MAX_EDIT_WINDOW_MS;
  return true;
}

interface Plan {
  delivered: DeliveredRow[];
  editable: DeliveredRow[];
}

function plan(ctx: Ctx, broadcast: Broadcast): Plan {
  const delivered = deliveredRows(ctx.deps.db, broadcastBatch(broadcast.id));
  const now = ctx.deps.clock.now();
  return { delivered, editable: delivered.filter((row) => editable(row, now)) };
}

/**
 * The new text as this person's message should read: a correction's rows
 * start with a heading in the person's language, which stays.
 */
function textFor(row: DeliveredRow, current: string, text: string, original: string): string {
  const sent = row.payload.kind === 'replies' ? '' : row.payload.text;
  for (const before of [current, original]) {
    if (before && sent !== before && sent.endsWith(before)) return `${sent.slice(0, sent.length - before.length)}${text}`;
  }
  return text;
}

type EditData = { municipalityId: number; broadcastId: number; text?: string };

/** Reads the broadcast again and checks the presser at every step: the dialog may have waited. */
function own(ctx: Ctx, data: EditData): Broadcast {
  return ownBroadcast(ctx, data.broadcastId).broadcast;
}

function validate(ctx: Ctx, broadcast: Broadcast, text: string, p: Plan): string | undefined {
  if (text.length < 2) return ctx.t('broadcast-text-invalid');
  if (text === broadcast.text.trim()) return ctx.t('broadcast-edit-same');
  const limit = Math.min(...p.editable.map((row) => singleMessageLimit(row.platform, row.payload.kind !== 'replies' && row.payload.kind !== 'edit' && row.payload.fileId !== undefined)));
  if (Number.isFinite(limit) && text.length > limit) return ctx.t('broadcast-edit-too-long', { limit, length: text.length });
  return undefined;
}

export const editDialog: DialogDef<EditData> = {
  name: 'broadcast-edit',
  version: 1,
  first: 'text',
  steps: {
    text: {
      prompt: (ctx, data) => {
        const broadcast = own(ctx, data);
        const p = plan(ctx, broadcast);
        const reach = ctx.t('broadcast-edit-reach', { editable: p.editable.length, delivered: p.delivered.length });
        return { text: `${ctx.t('broadcast-edit-ask')}\n\n${broadcast.text}\n\n${reach}`, acceptsText: true };
      },
      accept: (ctx, data, answer) => {
        const broadcast = own(ctx, data);
        const text = answer.kind === 'text' ? answer.text.trim() : '';
        const refusal = validate(ctx, broadcast, text, plan(ctx, broadcast));
        return refusal ? { reask: refusal } : { next: 'confirm', data: { ...data, text } };
      },
    },
    confirm: {
      prompt: (ctx, data) => {
        const p = plan(ctx, own(ctx, data));
        const stale = p.delivered.length - p.editable.length;
        const lines = [ctx.t('broadcast-edit-preview'), '', data.text ?? '', '', ctx.t('broadcast-edit-plan', { count: p.editable.length })];
        if (stale > 0) lines.push(ctx.t('broadcast-edit-plan-stale', { count: stale }));
        return {
          text: lines.join('\n'),
          choices: [[{ label: ctx.t('broadcast-edit-confirm'), value: 'yes' }], [{ label: ctx.t('assign-cancel'), value: 'no' }]],
        };
      },
      accept: (ctx, data, answer) => {
        if (answer.kind !== 'choice' || answer.value !== 'yes') return { done: { text: ctx.t('cancelled') } };
        const broadcast = own(ctx, data);
        const coordinator = requireAdminOf(ctx, broadcast.municipalityId);
        const text = data.text ?? '';
        const p = plan(ctx, broadcast);
        // Someone else may have edited it meanwhile: checked again against the text as it is now.
        const refusal = validate(ctx, broadcast, text, p);
        if (refusal) return { reask: refusal };
        const now = ctx.deps.clock.now();
        const original = editCount(ctx.deps.db, broadcast.id) > 0 ? (getEdit(ctx.deps.db, broadcast.id, 1)?.from ?? broadcast.text) : broadcast.text;
        const n = recordEdit(ctx.deps.db, broadcast.id, broadcast.text, text, now);
        const keyboard = keyboards(ctx, broadcast);
        const items: OutboxItem[] = p.editable.map((row) => ({
          accountId: row.accountId,
          platform: row.platform,
          chatId: row.chatId,
          payload: editPayload(row, textFor(row, broadcast.text, text, original), keyboard(row)),
          dedupeKey: `${editBatch(broadcast.id, n)}:${row.personId}`,
          batch: editBatch(broadcast.id, n),
          // An edit makes no sound in the person's chat, so quiet hours do not hold it back.
          notBefore: now,
        }));
        const queued = enqueueOutbox(ctx.deps.db, items);
        audit(ctx.deps.db, {
          at: now,
          actorId: coordinator.id,
          municipalityId: broadcast.municipalityId,
          action: 'broadcast.edited',
          details: { broadcastId: broadcast.id, edit: n, edited: queued, notEditable: p.delivered.length - p.editable.length },
        });
        ctx.deps.wakeOutbox();
        return { done: editStatus(ctx, broadcast, n) };
      },
    },
  },
};

/**
 * The keyboard each message has now: the one it was sent with, except that a
 * confirmed «Ознакомлен(а)» shows its tick, which the edit must not take back.
 */
function keyboards(ctx: Ctx, broadcast: Broadcast): (row: DeliveredRow) => Button[][] | undefined {
  const acks = new Map(broadcast.askAck ? acksOf(ctx.deps.db, broadcast.id).map((a) => [a.personId, a.at] as const) : []);
  const zone = municipalityZone(ctx.deps, broadcast.municipalityId);
  return (row) => {
    const at = acks.get(row.personId);
    const person = at ? getPerson(ctx.deps.db, row.personId) : undefined;
    if (at && person) return ackedButtons((key, args) => ctx.deps.i18n.t(person.language, key, args), broadcast.id, 0, at, zone);
    return row.payload.kind === 'replies' || row.payload.kind === 'edit' ? undefined : row.payload.buttons;
  };
}

function editPayload(row: DeliveredRow, text: string, buttons: Button[][] | undefined): EditPayload {
  const sent = row.payload.kind === 'replies' || row.payload.kind === 'edit' ? undefined : row.payload;
  return {
    kind: 'edit',
    messageId: row.platformMessageId ?? '',
    text,
    ...(buttons?.length ? { buttons } : {}),
    ...(sent?.fileId !== undefined ? { caption: true } : {}),
  };
}

/** Who an edit has reached in place so far, and who it will not: those who got the broadcast and have no edited row. */
function outcome(ctx: Ctx, broadcastId: number, n: number): { edited: number; waiting: number; missed: number[] } {
  const db = ctx.deps.db;
  const edited = new Set(personIdsIn(db, editBatch(broadcastId, n), ['sent']));
  const waiting = new Set(personIdsIn(db, editBatch(broadcastId, n), ['pending', 'sending']));
  const delivered = personIdsIn(db, broadcastBatch(broadcastId), ['sent']);
  return { edited: edited.size, waiting: waiting.size, missed: delivered.filter((id) => !edited.has(id) && !waiting.has(id)) };
}

/** What an edit has done, with «Обновить» while rows are out and «Отправить поправку им» for those it missed. */
function editStatus(ctx: Ctx, broadcast: Broadcast, n: number): Reply {
  const { edited, waiting, missed } = outcome(ctx, broadcast.id, n);
  const corrected = getEdit(ctx.deps.db, broadcast.id, n)?.correctionId !== undefined;
  const lines = [ctx.t('broadcast-edit-status', { edited, waiting, missed: missed.length })];
  if (corrected) lines.push(ctx.t('broadcast-edit-corrected'));
  const buttons: Button[][] = [];
  if (waiting > 0) buttons.push([{ kind: 'action', label: ctx.t('broadcast-refresh'), data: editStatusAction.encode(broadcast.id, n) }]);
  if (missed.length > 0 && waiting === 0 && !corrected) {
    buttons.push([{ kind: 'action', label: ctx.t('broadcast-edit-fallback', { count: missed.length }), data: editFallbackAction.encode(broadcast.id, n) }]);
  }
  buttons.push([{ kind: 'action', label: ctx.t('broadcast-report-button'), data: reportAction.encode(broadcast.id) }]);
  return { text: lines.join('\n'), buttons, edit: true };
}

/** «Исправить текст» pressed: only a coordinator of the municipality, and only once someone has the message. */
export function editStart(ctx: Ctx, broadcastId: number): EditData | { nobody: true } {
  const { broadcast } = ownBroadcast(ctx, broadcastId);
  return plan(ctx, broadcast).delivered.length === 0 ? { nobody: true } : { municipalityId: broadcast.municipalityId, broadcastId: broadcast.id };
}

export function editStatusPressed(ctx: Ctx, broadcastId: number, n: number): Reply {
  const { broadcast } = ownBroadcast(ctx, broadcastId);
  return editStatus(ctx, broadcast, n);
}

/**
 * The new text as a correction, headed with the text those people still
 * read, to exactly the people the edit did not reach in place; once per edit.
 */
export function editFallback(ctx: Ctx, broadcastId: number, n: number): Reply {
  const { broadcast } = ownBroadcast(ctx, broadcastId);
  const coordinator = requireAdminOf(ctx, broadcast.municipalityId);
  const edit: BroadcastEdit | undefined = getEdit(ctx.deps.db, broadcast.id, n);
  if (!edit) return { text: ctx.t('broadcast-edit-nothing') };
  if (edit.correctionId !== undefined) return editStatus(ctx, broadcast, n);
  const { missed, waiting } = outcome(ctx, broadcast.id, n);
  // An empty list of people would be an open audience: everyone.
  if (missed.length === 0 || waiting > 0) return editStatus(ctx, broadcast, n);
  const now = ctx.deps.clock.now();
  const correction = sendBroadcast(
    ctx.deps.db,
    ctx.deps,
    { municipalityId: broadcast.municipalityId, text: edit.to, fileId: null, audience: { personIds: missed }, urgent: false, createdBy: coordinator.id, correctionOf: edit.from },
    now,
  );
  noteEditCorrection(ctx.deps.db, broadcast.id, n, correction.id);
  ctx.deps.wakeOutbox();
  const batch = broadcastBatch(correction.id);
  const queued: Reply = { text: ctx.t('broadcast-queued', { count: correction.recipients }), buttons: broadcastButtons(ctx, correction.id, 'broadcast-report-button') };
  return withHeldNotice(ctx, queued, broadcast.municipalityId, { batch, keyPrefix: `${batch}:` });
}

/**
 * The delivery report with what this file adds once someone has the message:
 * how many chats it is pinned in (when pinning was asked; a platform may
 * refuse), and «Исправить текст». The report itself has checked the presser.
 */
export function reportExtras(ctx: Ctx, broadcastId: number, reply: Reply): Reply {
  const delivered = personIdsIn(ctx.deps.db, broadcastBatch(broadcastId), ['sent']).length;
  if (delivered === 0) return reply;
  const { broadcast } = ownBroadcast(ctx, broadcastId);
  const pinned = broadcast.pin ? `\n${ctx.t('broadcast-pinned', { count: pinnedCount(ctx.deps.db, broadcastBatch(broadcastId)), delivered })}` : '';
  return {
    ...reply,
    text: `${reply.text}${pinned}`,
    buttons: [...(reply.buttons ?? []), [{ kind: 'action', label: ctx.t('broadcast-edit-button'), data: editAction.encode(broadcastId) }]],
  };
}
