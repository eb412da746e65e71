// The first contact: /start asks for a language and greets with the list of
// commands; /help lists what the person may do; /language switches language;
// /cancel leaves any dialog.
import { setAccountLanguage } from '../../db/repos/accounts.js';
import { setPersonLanguage } from '../../db/repos/people.js';
import type { Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import type { DialogDef } from '../core/dialog.js';
import type { Feature, FeatureHost } from '../core/dispatch.js';
import type { Language } from '../core/i18n.js';

type LanguageData = { greet: boolean };

function languageFromText(text: string): Language | undefined {
  const word = text.trim().toLowerCase();
  if (['ru', 'рус', 'русский', 'russian'].includes(word)) return 'ru';
  if (['en', 'eng', 'english', 'английский'].includes(word)) return 'en';
  return undefined;
}

/** The commands this person may use, one per line. */
export function commandList(ctx: Ctx, h: FeatureHost): string {
  return h.router
    .commands()
    .filter((c) => c.visible(ctx))
    .map((c) => `/${c.name} — ${ctx.t(c.describe)}`)
    .join('\n');
}

function greeting(ctx: Ctx, h: FeatureHost): Reply[] {
  const name = ctx.person?.fullName ?? undefined;
  const hello = name ? ctx.t('greeting-known', { name }) : ctx.t('greeting-new');
  return [{ text: `${hello}\n\n${ctx.t('commands-heading')}\n${commandList(ctx, h)}` }];
}

function languageDialog(h: FeatureHost): DialogDef<LanguageData> {
  return {
    name: 'language',
    version: 1,
    first: 'language',
    steps: {
      language: {
        prompt: (ctx) => ({
          text: ctx.t('choose-language'),
          choices: [
            [
              { label: 'Русский', value: 'ru' },
              { label: 'English', value: 'en' },
            ],
          ],
          acceptsText: true,
        }),
        accept: (ctx, data, answer) => {
          const lang =
            answer.kind === 'choice' ? answer.value : answer.kind === 'text' ? languageFromText(answer.text) : undefined;
          if (lang !== 'ru' && lang !== 'en') return { reask: ctx.t('choose-language-again') };
          setAccountLanguage(ctx.deps.db, ctx.account.id, lang);
          if (ctx.person) setPersonLanguage(ctx.deps.db, ctx.person.id, lang);
          const inLang: Ctx = { ...ctx, lang, t: (key, args) => ctx.deps.i18n.t(lang, key, args) };
          return { done: data.greet ? greeting(inLang, h) : [{ text: inLang.t('language-set') }] };
        },
      },
    },
  };
}

export const startFeature: Feature = (h) => {
  const dialog = languageDialog(h);
  h.dialogs.register(dialog);
  h.router
    .command({
      name: 'start',
      describe: 'cmd-start',
      visible: () => true,
      menu: true,
      run: (ctx) => h.dialogs.start(ctx, dialog, { greet: true }),
    })
    .command({
      name: 'help',
      describe: 'cmd-help',
      visible: () => true,
      menu: true,
      run: (ctx) => [{ text: `${ctx.t('help-intro')}\n\n${commandList(ctx, h)}` }],
    })
    .command({
      name: 'language',
      describe: 'cmd-language',
      visible: () => true,
      menu: true,
      run: (ctx) => h.dialogs.start(ctx, dialog, { greet: false }),
    })
    .command({
      name: 'cancel',
      describe: 'cmd-cancel',
      visible: () => true,
      menu: true,
      run: (ctx) => [{ text: ctx.t(h.dialogs.cancel(ctx) ? 'cancelled' : 'nothing-to-cancel') }],
    });
};
