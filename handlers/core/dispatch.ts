// The one entry point of the core: an Incoming in, replies out. It handles
// each update once, finds the sender's account and person, routes the update
// and turns every failure into a polite answer instead of a crash.
import { touchAccount } from '../../db/repos/accounts.js';
import { getPerson, type Person } from '../../db/repos/people.js';
import { claimUpdate } from '../../db/repos/updates.js';
import { splitAction } from './actions.js';
import { pickLanguage, type CoreDeps, type Ctx } from './context.js';
import type { HandlerResult, Incoming, Language } from './contract.js';
import { dialogChoice, Dialogs } from './dialog.js';
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

export interface Core {
  handle(incoming: Incoming): Promise<HandledUpdate>;
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

  const handle = async (incoming: Incoming): Promise<HandledUpdate> => {
    const log = deps.log.child({ platform: incoming.platform, updateId: incoming.updateId, chat: incoming.chatId });
    let lang: Language = incoming.sender.languageCode?.startsWith('en') ? 'en' : 'ru';
    try {
      const now = deps.clock.now();
      const { db } = deps;
      const claimed = db.transaction((tx) => {
        if (!claimUpdate(tx, incoming.platform, incoming.updateId, now)) return undefined;
        return touchAccount(tx, incoming.platform, incoming.sender.id, incoming.chatId, now);
      });
      if (!claimed) {
        log.info('update handled before; ignored');
        return { replies: [], duplicate: true };
      }
      const person = activePerson(claimed.personId === null ? undefined : getPerson(db, claimed.personId));
      lang = pickLanguage(claimed, person, incoming.sender.languageCode);
      const ctx: Ctx = {
        incoming,
        deps,
        account: claimed,
        person,
        lang,
        t: (key, args) => deps.i18n.t(lang, key, args),
        log,
      };
      const result = await route(ctx, router, dialogs);
      deps.observe?.updateHandled(incoming.platform);
      log.debug({ replies: result.replies.length }, 'handled');
      return result;
    } catch (error) {
      if (error instanceof UserError) {
        log.info({ code: error.code }, 'refused');
        return { replies: [{ text: deps.i18n.t(lang, error.key, error.args) }] };
      }
      log.error({ err: error }, 'handler failed');
      deps.observe?.handlerError(incoming.platform);
      return { replies: [{ text: deps.i18n.t(lang, 'error-internal') }] };
    }
  };

  const menu = (lang: Language) =>
    router
      .commands()
      .filter((c) => c.menu)
      .map((c) => ({ command: c.name, description: deps.i18n.t(lang, c.describe) }));

  return { handle, menu, deps, router, dialogs };
}

function activePerson(person: Person | undefined): Person | undefined {
  return person && person.erasedAt === null ? person : undefined;
}

async function route(ctx: Ctx, router: Router, dialogs: Dialogs): Promise<HandlerResult> {
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
      const answered = await dialogs.answer(ctx, { kind: 'text', text: event.text });
      if (answered) return answered;
      const read = await router.readText(ctx, event.text);
      return read ? toResult(read) : { replies: [{ text: ctx.t('not-understood') }] };
    }
    case 'file': {
      const answered = await dialogs.answer(ctx, { kind: 'file', file: event.file });
      return answered ?? { replies: [{ text: ctx.t('file-not-expected') }] };
    }
  }
}
