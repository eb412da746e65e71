// The dialog engine: multi-step conversations as explicit state machines whose
// state is a row in SQLite (step, data, version), so a restart or a deploy
// never loses a half-finished answer. It knows nothing of any messenger.
import { z } from 'zod';
import { deleteDialog, getDialog, saveDialog, type DialogRow } from '../../db/repos/dialogs.js';
import { defineAction, idArg } from './actions.js';
import type { Button, IncomingFile, Reply } from './contract.js';
import type { Ctx } from './context.js';
import { toResult, type Outcome } from './router.js';
import type { HandlerResult } from './contract.js';

export type DialogData = Record<string, unknown>;

export interface Choice {
  label: string;
  value: string;
}

export interface Prompt {
  text: string;
  /** Rows of choices; each becomes a button, and typing its number or label picks it too. */
  choices?: Choice[][];
  /** Free text (or a file) is accepted as well as the choices. */
  acceptsText?: boolean;
}

export type Answer =
  | { kind: 'choice'; value: string; label: string }
  | { kind: 'text'; text: string }
  | { kind: 'file'; file: IncomingFile };

export type StepOutcome<D> =
  /** Go to a step; `inPlace` redraws the pressed message instead of sending a new one (toggles, paging). */
  | { next: string; data: D; inPlace?: boolean }
  /** Finish: the dialog row is deleted and these replies are sent. */
  | { done: Outcome }
  /** The answer is not acceptable: say why, then ask again. */
  | { reask: string };

export interface Step<D> {
  prompt(ctx: Ctx, data: D): Prompt;
  /**
   * Slow work an answer needs (a download, reading a document), done before
   * the update's transaction opens, so that nobody else's update waits
   * behind it. It only reads, and what it returns reaches `accept` as
   * `prepared` when the dialog is still at this step; `accept` must also
   * work without it (a restart, a dialog moved on meanwhile). Make one with
   * `preparedStep` for the types.
   */
  prepare?(ctx: Ctx, data: D, answer: Answer): Promise<unknown>;
  accept(ctx: Ctx, data: D, answer: Answer, prepared?: unknown): StepOutcome<D> | Promise<StepOutcome<D>>;
}

/** A step whose slow part runs before the transaction; `accept` gets its result, or undefined when it could not be used. */
export function preparedStep<D, P>(step: {
  prompt(ctx: Ctx, data: D): Prompt;
  prepare(ctx: Ctx, data: D, answer: Answer): Promise<P>;
  accept(ctx: Ctx, data: D, answer: Answer, prepared: P | undefined): StepOutcome<D> | Promise<StepOutcome<D>>;
}): Step<D> {
  return { prompt: step.prompt, prepare: step.prepare, accept: (ctx, data, answer, prepared) => step.accept(ctx, data, answer, prepared as P | undefined) };
}

/** What a step's `prepare` returned, with the dialog position it was made for. */
export interface PreparedAnswer {
  accountId: number;
  name: string;
  step: string;
  seq: number;
  value: unknown;
}

export type DialogInput = { kind: 'text'; text: string } | { kind: 'file'; file: IncomingFile } | { kind: 'button'; seq: number; index: number };

export interface DialogDef<D extends DialogData> {
  name: string;
  /** Bump when steps or data change shape: open dialogs of an older version end politely. */
  version: number;
  first: string;
  steps: Record<string, Step<D>>;
  /** Overrides the default lifetime of an untouched dialog. */
  ttlMinutes?: number;
}

/** A dialog button: the step sequence number and the index of the choice. */
export const dialogChoice = defineAction('d', idArg, idArg);

const dataSchema = z.record(z.string(), z.unknown());

export class Dialogs {
  private readonly defs = new Map<string, DialogDef<DialogData>>();

  register<D extends DialogData>(def: DialogDef<D>): this {
    if (this.defs.has(def.name)) throw new Error(`dialog ${def.name} registered twice`);
    if (!def.steps[def.first]) throw new Error(`dialog ${def.name}: no first step ${def.first}`);
    this.defs.set(def.name, def as unknown as DialogDef<DialogData>);
    return this;
  }

  /** Opens a dialog for the sender, replacing any other, and returns its first question (or the step named). */
  start<D extends DialogData>(ctx: Ctx, def: DialogDef<D>, data: D, step: string = def.first): HandlerResult {
    const previous = getDialog(ctx.deps.db, ctx.account.id);
    return this.enter(ctx, def as unknown as DialogDef<DialogData>, step, data, (previous?.seq ?? 0) + 1);
  }

  active(ctx: Ctx): DialogRow | undefined {
    return getDialog(ctx.deps.db, ctx.account.id);
  }

  cancel(ctx: Ctx): boolean {
    return deleteDialog(ctx.deps.db, ctx.account.id);
  }

  /**
   * Runs the open step's `prepare` for an answer, if it has one. Everything
   * up to the step's first await runs at once, so a caller in the write lane
   * reads committed state; the slow rest runs after. Undefined when there is
   * nothing to prepare or preparing failed (accept then does the work).
   */
  prepare(ctx: Ctx, input: DialogInput): Promise<PreparedAnswer | undefined> | undefined {
    const row = getDialog(ctx.deps.db, ctx.account.id);
    const def = row && this.defs.get(row.name);
    const step = row && def?.steps[row.step];
    if (!row || !def || !step?.prepare || def.version !== row.version || row.expiresAt.getTime() < ctx.deps.clock.now().getTime()) return undefined;
    const data = dataSchema.parse(row.data);
    const answer = toAnswer(step.prompt(ctx, data), row, input);
    if (!answer) return undefined;
    const at = { accountId: row.accountId, name: row.name, step: row.step, seq: row.seq };
    return step.prepare(ctx, data, answer).then(
      (value) => ({ ...at, value }),
      (error: unknown) => {
        ctx.log.warn({ err: error, dialog: row.name, step: row.step }, 'preparing an answer failed; it is done in the handler');
        return undefined;
      },
    );
  }

  /**
   * Feeds an answer to the open dialog. Returns undefined when there is none
   * (and no button was pressed), so the caller can route the text elsewhere.
   */
  async answer(ctx: Ctx, input: DialogInput, prepared?: PreparedAnswer): Promise<HandlerResult | undefined> {
    const row = getDialog(ctx.deps.db, ctx.account.id);
    if (!row) return input.kind === 'button' ? { replies: [], notice: ctx.t('dialog-stale-button') } : undefined;
    const now = ctx.deps.clock.now();
    const def = this.defs.get(row.name);
    const step = def?.steps[row.step];
    if (!def || !step || def.version !== row.version) {
      deleteDialog(ctx.deps.db, ctx.account.id);
      return { replies: [{ text: ctx.t('dialog-changed') }] };
    }
    if (row.expiresAt.getTime() < now.getTime()) {
      deleteDialog(ctx.deps.db, ctx.account.id);
      return { replies: [{ text: ctx.t('dialog-expired') }] };
    }
    if (input.kind === 'button' && input.seq !== row.seq) {
      return { replies: [], notice: ctx.t('dialog-stale-button') };
    }
    const data = dataSchema.parse(row.data);
    const answer = toAnswer(step.prompt(ctx, data), row, input);
    if (!answer) {
      return this.reask(ctx, def, row, data, ctx.t('dialog-choose-button'));
    }
    const ready = prepared && prepared.accountId === row.accountId && prepared.name === row.name && prepared.step === row.step && prepared.seq === row.seq;
    const outcome = await step.accept(ctx, data, answer, ready ? prepared.value : undefined);
    const echo: Reply[] =
      input.kind === 'button' && answer.kind === 'choice' && !('next' in outcome && outcome.inPlace)
        ? [{ text: `${step.prompt(ctx, data).text}\n\n✓ ${answer.label}`, edit: true }]
        : [];
    if ('reask' in outcome) return this.reask(ctx, def, row, data, outcome.reask);
    if ('done' in outcome) {
      // Only finish if nobody else moved the dialog on meanwhile (a double tap).
      const current = getDialog(ctx.deps.db, ctx.account.id);
      if (current?.seq === row.seq) deleteDialog(ctx.deps.db, ctx.account.id);
      const result = toResult(outcome.done);
      return { ...result, replies: [...echo, ...result.replies] };
    }
    const next = this.enter(ctx, def, outcome.next, outcome.data, row.seq + 1);
    if (outcome.inPlace && input.kind === 'button') return { replies: next.replies.map((r) => ({ ...r, edit: true })) };
    return { ...next, replies: [...echo, ...next.replies] };
  }

  private enter(ctx: Ctx, def: DialogDef<DialogData>, stepName: string, data: DialogData, seq: number): HandlerResult {
    const step = def.steps[stepName];
    if (!step) throw new Error(`dialog ${def.name}: no step ${stepName}`);
    const prompt = step.prompt(ctx, data);
    const now = ctx.deps.clock.now();
    const ttl = def.ttlMinutes ?? ctx.deps.settings.dialogTtlMinutes;
    saveDialog(ctx.deps.db, {
      accountId: ctx.account.id,
      name: def.name,
      version: def.version,
      step: stepName,
      seq,
      data,
      choices: (prompt.choices ?? []).flat().map((c) => c.value),
      expiresAt: new Date(now.getTime() + ttl * 60_000),
      updatedAt: now,
    });
    return { replies: [renderPrompt(prompt, seq)] };
  }

  private reask(ctx: Ctx, def: DialogDef<DialogData>, row: DialogRow, data: DialogData, why: string): HandlerResult {
    const step = def.steps[row.step];
    if (!step) throw new Error(`dialog ${def.name}: no step ${row.step}`);
    const prompt = step.prompt(ctx, data);
    saveDialog(ctx.deps.db, {
      ...row,
      expiresAt: new Date(ctx.deps.clock.now().getTime() + (def.ttlMinutes ?? ctx.deps.settings.dialogTtlMinutes) * 60_000),
    });
    return { replies: [{ text: why }, renderPrompt(prompt, row.seq)] };
  }
}

function renderPrompt(prompt: Prompt, seq: number): Reply {
  let index = 0;
  const buttons: Button[][] = (prompt.choices ?? []).map((row) =>
    row.map((choice) => ({ kind: 'action', label: choice.label, data: dialogChoice.encode(seq, index++) })),
  );
  return buttons.length > 0 ? { text: prompt.text, buttons } : { text: prompt.text };
}

/** Turns a pressed button, a typed number or a typed label into a choice; text and files pass through. */
function toAnswer(prompt: Prompt, row: DialogRow, input: DialogInput): Answer | undefined {
  const flat = (prompt.choices ?? []).flat();
  const pick = (i: number): Answer | undefined => {
    const choice = flat[i];
    // The stored value guards against choices that changed between asking and answering.
    if (!choice || row.choices[i] !== choice.value) return undefined;
    return { kind: 'choice', value: choice.value, label: choice.label };
  };
  if (input.kind === 'button') return pick(input.index);
  if (input.kind === 'file') return prompt.acceptsText ? input : undefined;
  const typed = input.text.trim();
  if (flat.length > 0) {
    // A typed number picks a numbered choice only where free text is not also accepted.
    const byNumber = !prompt.acceptsText && /^\d{1,2}$/.test(typed) ? pick(Number(typed) - 1) : undefined;
    if (byNumber) return byNumber;
    const lower = typed.toLocaleLowerCase('ru');
    const byLabel = flat.findIndex((c) => c.label.toLocaleLowerCase('ru') === lower);
    if (byLabel >= 0) return pick(byLabel);
  }
  return prompt.acceptsText || flat.length === 0 ? { kind: 'text', text: input.text } : undefined;
}
