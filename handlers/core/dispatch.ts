// The one entry point of the core: an Incoming in, replies out. It handles
// each update once, in one transaction with everything it writes: finds the
// sender's account and person, routes the update, and turns every failure
// into a polite answer instead of a crash. A failed handler leaves nothing
// behind, so it is safe to run again.
import { inWriteLane, transactionAsync } from '../../db/client.js';
import { findAccount, touchAccount, type Account } from '../../db/repos/accounts.js';
import { saveFile } from '../../db/repos/broadcasts.js';
import { claimHandled, markInboxDone, updateKey } from '../../db/repos/inbox.js';
import { enqueueOutbox } from '../../db/repos/outbox.js';
import { getPerson, type Person } from '../../db/repos/people.js';
import { splitAction } from './actions.js';
import { pickLanguage, type CoreDeps, type Ctx } from './context.js';
import type { HandlerResult, Incoming, Language } from './contract.js';
import type { Log } from './log.js';
import { dialogChoice, Dialogs, type DialogInput, type PreparedAnswer } from './dialog.js';
import { UserError } from './errors.js';
import { Router, toResult, type CommandSpec } from './router.js';

/** Longest text the core reads; anything longer is answered with a polite refusal. */
export const MAX_INPUT_TEXT = 4000;

export interface FeatureHost {
  router: Router;
  dialogs: Dialogs;
  deps: CoreDeps;
}

/** A feature registers its commands, actions and dialogs. */
export type Feature = (host: FeatureHost) => void;

export interface HandledUpdate extends HandlerResult {
  /** The update was handled before: the adapter must not answer again. */
  duplicate?: boolean;
}

/** How an update recorded in the inbox ended: handled (its replies queued), or failed unexpectedly (nothing was written). */
export type RecordedOutcome = { kind: 'done' } | { kind: 'failed'; error: unknown };

export interface Core {
  /** Handles an update at once and returns its replies (the terminal playground, tests). */
  handle(incoming: Incoming): Promise<HandledUpdate>;
  /**
   * Handles an update recorded in the inbox: its effects, its replies (as one
   * outbox row, sent before bulk traffic) and the row's "done" mark are
   * committed together. `lastTry` turns an unexpected failure into a polite
   * apology committed the same way, so the person always hears back.
   */
  handleRecorded(inboxId: number, incoming: Incoming, options: { callback?: string; lastTry: boolean }): Promise<RecordedOutcome>;
  /** Commands for the messenger menus, in a language. */
  menu(lang: Language): { command: string; description: string }[];
  readonly deps: CoreDeps;
  readonly router: Router;
  readonly dialogs: Dialogs;
}

export function createCore(deps: CoreDeps, features: readonly Feature[]): Core {
  const router = new Router();
  const dialogs = new Dialogs();
  for (const feature of features) feature({ router, dialogs, deps });

  const contextOf = (incoming: Incoming, account: Account, log: Log): Ctx => {
    const person = activePerson(account.personId === null ? undefined : getPerson(deps.db, account.personId));
    const lang = pickLanguage(account, person, incoming.sender.languageCode);
    return { incoming, deps, account, person, lang, t: (key, args) => deps.i18n.t(lang, key, args), log };
  };

  /** Runs the update's handler; throws what it threw. Call inside a transaction. */
  const run = async (incoming: Incoming, account: Account, log: Log, prepared?: PreparedAnswer): Promise<HandlerResult> => {
    const result = await route(contextOf(incoming, account, log), router, dialogs, prepared);
    deps.observe?.updateHandled(incoming.platform);
    log.debug({ replies: result.replies.length }, 'handled');
    return result;
  };

  /** What a failure becomes for the person: a refusal in their words, or a short apology. */
  const answerFailure = (incoming: Incoming, account: Account, error: unknown, log: Log): HandlerResult => {
    const person = activePerson(account.personId === null ? undefined : getPerson(deps.db, account.personId));
    const lang = pickLanguage(account, person, incoming.sender.languageCode);
    if (error instanceof UserError) {
      log.info({ code: error.code }, 'refused');
      return { replies: [{ text: deps.i18n.t(lang, error.key, error.args) }] };
    }
    log.error({ err: error }, 'handler failed');
    deps.observe?.handlerError(incoming.platform);
    return { replies: [{ text: deps.i18n.t(lang, 'error-internal') }] };
  };

  const logFor = (incoming: Incoming) => deps.log.child({ platform: incoming.platform, updateId: incoming.updateId, chat: incoming.chatId });
  const touch = (incoming: Incoming) => touchAccount(deps.db, incoming.platform, incoming.sender.id, incoming.chatId, deps.clock.now());

  /**
   * The slow part of a dialog answer (a download, reading a document), done
   * before the transaction so the write lane is free meanwhile. The dialog is
   * looked up in the lane, between transactions, so it reads committed state.
   */
  const prepare = async (incoming: Incoming, log: Log): Promise<PreparedAnswer | undefined> => {
    const input = dialogInput(incoming);
    if (!input) return undefined;
    const started = await inWriteLane(deps.db, () => {
      const account = findAccount(deps.db, incoming.platform, incoming.sender.id);
      // Wrapped, so that the lane is released before the slow part is awaited.
      return account && { pending: dialogs.prepare(contextOf(incoming, account, log), input) };
    });
    return started?.pending;
  };

  const handle = async (incoming: Incoming): Promise<HandledUpdate> => {
    const log = logFor(incoming);
    const prepared = await prepare(incoming, log);
    try {
      return await transactionAsync(deps.db, async () => {
        if (!claimHandled(deps.db, incoming.platform, incoming.updateId, deps.clock.now())) {
          log.info('update handled before; ignored');
          return { replies: [], duplicate: true };
        }
        return run(incoming, touch(incoming), log, prepared);
      });
    } catch (error) {
      // Nothing of the failed run was kept; the update is claimed with its answer.
      return transactionAsync(deps.db, async () => {
        claimHandled(deps.db, incoming.platform, incoming.updateId, deps.clock.now());
        return answerFailure(incoming, touch(incoming), error, log);
      });
    }
  };

  const handleRecorded: Core['handleRecorded'] = async (inboxId, incoming, options) => {
    const log = logFor(incoming);
    const commit = (account: Account, result: HandlerResult) => {
      queueReplies(account, incoming, options.callback, result);
      markInboxDone(deps.db, inboxId, deps.clock.now());
    };
    const prepared = await prepare(incoming, log);
    try {
      await transactionAsync(deps.db, async () => {
        const account = touch(incoming);
        commit(account, await run(incoming, account, log, prepared));
      });
      return { kind: 'done' };
    } catch (error) {
      if (!(error instanceof UserError) && !options.lastTry) {
        log.warn({ err: error }, 'update failed; it will be tried again');
        return { kind: 'failed', error };
      }
      await transactionAsync(deps.db, async () => {
        const account = touch(incoming);
        commit(account, answerFailure(incoming, account, error, log));
      });
      return error instanceof UserError ? { kind: 'done' } : { kind: 'failed', error };
    }
  };

  /** The replies to an update as one outbox row, ahead of bulk traffic; files made for it are stored until sent. */
  const queueReplies = (account: Account, incoming: Incoming, callback: string | undefined, result: HandlerResult) => {
    if (result.replies.length === 0 && !callback) return;
    const ownFiles: number[] = [];
    const replies = result.replies.map((reply) => {
      const stored = reply.file ? saveFile(deps.db, { name: reply.file.name, mime: reply.file.mime, data: reply.file.data }).id : undefined;
      if (stored !== undefined) ownFiles.push(stored);
      return { text: reply.text, ...(reply.buttons ? { buttons: reply.buttons } : {}), ...(stored !== undefined ? { fileId: stored } : {}), ...(reply.edit ? { edit: true } : {}) };
    });
    enqueueOutbox(deps.db, [
      {
        accountId: account.id,
        platform: incoming.platform,
        chatId: incoming.chatId,
        payload: { kind: 'replies', replies, messageId: incoming.messageId, callback, notice: result.notice, ownFiles },
        dedupeKey: `reply:${incoming.platform}:${updateKey(incoming.updateId)}`,
        priority: 1,
        notBefore: deps.clock.now(),
      },
    ]);
  };

  const menu = (lang: Language) =>
    router
      .commands()
      .filter((c) => c.menu)
      .map((c) => ({ command: c.name, description: deps.i18n.t(lang, c.describe) }));

  return { handle, handleRecorded, menu, deps, router, dialogs };
}

function activePerson(person: Person | undefined): Person | undefined {
  return person && person.erasedAt === null ? person : undefined;
}

/** A text or file that an open dialog may take as its answer. */
function dialogInput(incoming: Incoming): DialogInput | undefined {
  const { event } = incoming;
  if (event.kind === 'file') return { kind: 'file', file: event.file };
  if (event.kind === 'text' && event.text.length <= MAX_INPUT_TEXT) return { kind: 'text', text: event.text };
  return undefined;
}

async function route(ctx: Ctx, router: Router, dialogs: Dialogs, prepared?: PreparedAnswer): Promise<HandlerResult> {
  const { event } = ctx.incoming;
  switch (event.kind) {
    case 'command': {
      const name = event.name.toLowerCase();
      const spec: CommandSpec | undefined = router.findCommand(name);
      if (!spec) return { replies: [{ text: ctx.t('unknown-command', { command: `/${name}` }) }] };
      return toResult(await spec.run(ctx, event.args.slice(0, MAX_INPUT_TEXT)));
    }
    case 'action': {
      const parsed = splitAction(event.data);
      if (!parsed) {
        ctx.log.warn({ data: String(event.data).slice(0, 100) }, 'malformed action');
        return { replies: [], notice: ctx.t('stale-button') };
      }
      if (parsed.name === dialogChoice.name) {
        const args = dialogChoice.parse(parsed.args);
        if (!args) return { replies: [], notice: ctx.t('stale-button') };
        return (await dialogs.answer(ctx, { kind: 'button', seq: args[0], index: args[1] })) ?? { replies: [] };
      }
      const entry = router.findAction(parsed.name);
      const args = entry?.def.parse(parsed.args);
      if (!entry || !args) {
        ctx.log.warn({ action: parsed.name }, 'unknown or invalid action');
        return { replies: [], notice: ctx.t('stale-button') };
      }
      return toResult(await entry.run(ctx, args));
    }
    case 'text': {
      if (event.text.length > MAX_INPUT_TEXT) {
        return { replies: [{ text: ctx.t('text-too-long', { max: MAX_INPUT_TEXT }) }] };
      }
      const answered = await dialogs.answer(ctx, { kind: 'text', text: event.text }, prepared);
      if (answered) return answered;
      const read = await router.readText(ctx, event.text);
      return read ? toResult(read) : { replies: [{ text: ctx.t('not-understood') }] };
    }
    case 'file': {
      const answered = await dialogs.answer(ctx, { kind: 'file', file: event.file }, prepared);
      return answered ?? { replies: [{ text: ctx.t('file-not-expected') }] };
    }
  }
}
