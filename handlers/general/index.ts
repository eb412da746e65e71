// What everyone has: /help lists the commands a person may use, /language
// switches the language, /cancel leaves any dialog. The language dialog is
// also the first step of /start.
import { setAccountLanguage } from '../../db/repos/accounts.js';
import { setPersonLanguage } from '../../db/repos/people.js';
import type { Ctx } from '../core/context.js';
import type { DialogDef } from '../core/dialog.js';
import type { Feature } from '../core/dispatch.js';
import { commandList, greeting } from '../core/help.js';
import type { Language } from '../core/i18n.js';
import type { Router } from '../core/router.js';

export type LanguageData = { greet: boolean };

function languageFromText(text: string): Language | undefined {
  const word = text.trim().toLowerCase();
  if (['ru', 'рус', 'русский', 'russian'].includes(word)) return 'ru';
  if (['en', 'eng', 'english', 'английский'].includes(word)) return 'en';
  return undefined;
}

/** Chooses the language; with `greet`, ends with the greeting and the commands. */
export function languageDialog(router: Router): DialogDef<LanguageData> {
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
          return { done: { text: data.greet ? greeting(inLang, router) : inLang.t('language-set') } };
        },
      },
    },
  };
}

export const generalFeature: Feature = (h) => {
  const dialog = languageDialog(h.router);
  h.dialogs.register(dialog);
  h.router
    .command({
      name: 'help',
      describe: 'cmd-help',
      visible: () => true,
      menu: true,
      run: (ctx) => [{ text: `${ctx.t('help-intro')}\n\n${commandList(ctx, h.router)}` }],
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
