// Edits of a sent broadcast's text: the broadcast keeps its current text and
// when it was last edited; each edit's before and after, and the correction
// sent to those whose message could not be edited, are a small note in kv.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../types.js';
import { broadcasts } from '../schema.js';
import { getValue, setValue } from './kv.js';

/** One edit of a broadcast, numbered from 1. */
export interface BroadcastEdit {
  number: number;
  /** The text before and after. */
  from: string;
  to: string;
  at: string;
  /** The correction broadcast sent to those the edit did not reach in place. */
  correctionId?: number;
}

const countKey = (broadcastId: number) => `broadcast-edit:${broadcastId}`;
const editKey = (broadcastId: number, n: number) => `broadcast-edit:${broadcastId}:${n}`;

/** How many edits the broadcast has had. */
export function editCount(db: DbOrTx, broadcastId: number): number {
  return Number(getValue(db, countKey(broadcastId)) ?? 0);
}

export function getEdit(db: DbOrTx, broadcastId: number, n: number): BroadcastEdit | undefined {
  const raw = getValue(db, editKey(broadcastId, n));
  return raw === undefined ? undefined : (JSON.parse(raw) as BroadcastEdit);
}

/** Records a new edit: the broadcast reads the new text from now on. Returns the edit's number. */
export function recordEdit(db: DbOrTx, broadcastId: number, from: string, to: string, at: Date): number {
  const n = editCount(db, broadcastId) + 1;
  setValue(db, countKey(broadcastId), String(n));
  setValue(db, editKey(broadcastId, n), JSON.stringify({ number: n, from, to, at: at.toISOString() } satisfies BroadcastEdit));
  db.update(broadcasts).set({ text: to, editedAt: at }).where(eq(broadcasts.id, broadcastId)).run();
  return n;
}

/** Notes the correction sent after an edit, so a second press does not send another. */
export function noteEditCorrection(db: DbOrTx, broadcastId: number, n: number, correctionId: number): void {
  const edit = getEdit(db, broadcastId, n);
  if (edit) setValue(db, editKey(broadcastId, n), JSON.stringify({ ...edit, correctionId }));
}
