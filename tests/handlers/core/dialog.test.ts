import { afterEach, describe, expect, it } from 'vitest';
import type { DialogDef } from '../../../handlers/core/dialog.js';
import type { Feature } from '../../../handlers/core/dispatch.js';
import { features } from '../../../handlers/index.js';
import { buttonData, command, from, makeCore, press, text, type TestCore } from '../../helpers/core.js';

type Visit = { school?: string; minutes?: number };

function visitDialog(version: number): DialogDef<Visit> {
  return {
    name: 'visit',
    version,
    first: 'school',
    steps: {
      school: {
        prompt: () => ({ text: 'Which school?', acceptsText: true }),
        accept: (_ctx, data, answer) =>
          answer.kind === 'text' && answer.text.trim().length > 0
            ? { next: 'minutes', data: { ...data, school: answer.text.trim() } }
            : { reask: 'Please type a school.' },
      },
      minutes: {
        prompt: () => ({ text: 'How long?', choices: [[{ label: '30', value: '30' }, { label: '60', value: '60' }]], acceptsText: true }),
        accept: (_ctx, data, answer) => {
          const n = Number(answer.kind === 'choice' ? answer.value : answer.kind === 'text' ? answer.text : NaN);
          return Number.isInteger(n) && n > 0 && n <= 600
            ? { next: 'confirm', data: { ...data, minutes: n } }
            : { reask: 'Enter a number from 1 to 600.' };
        },
      },
      confirm: {
        prompt: (_ctx, data) => ({ text: `Save ${data.school}, ${data.minutes} min?`, choices: [[{ label: 'Save', value: 'yes' }, { label: 'Drop', value: 'no' }]] }),
        accept: (_ctx, data, answer) => ({ done: { text: answer.kind === 'choice' && answer.value === 'yes' ? `Saved ${data.school} ${data.minutes}` : 'Dropped' } }),
      },
    },
  };
}

const visitFeature =
  (version: number): Feature =>
  (h) => {
    const dialog = visitDialog(version);
    h.dialogs.register(dialog);
    h.router.command({ name: 'visit', describe: 'cmd-help', visible: () => true, run: (ctx) => h.dialogs.start(ctx, dialog, {}) });
  };

let t: TestCore | undefined;
afterEach(() => t?.close());

const open = (version = 1, path?: string, clock?: TestCore['clock']) =>
  (t = makeCore({ path, clock, features: [...features, visitFeature(version)] }));

describe('dialog engine', () => {
  it('walks the steps, re-asks on bad input and survives a restart', async () => {
    const first = open();
    expect((await first.core.handle(from('u1', command('visit')))).replies[0]?.text).toBe('Which school?');
    const askedLength = await first.core.handle(from('u1', text('Школа № 3')));
    expect(askedLength.replies[0]?.text).toBe('How long?');

    // Restart: a new core on the same database file continues where the person stopped.
    first.close();
    const second = open(1, first.path, first.clock);
    const bad = await second.core.handle(from('u1', text('сорок')));
    expect(bad.replies.map((r) => r.text)).toEqual(['Enter a number from 1 to 600.', 'How long?']);
    const confirm = await second.core.handle(from('u1', text('45')));
    expect(confirm.replies[0]?.text).toBe('Save Школа № 3, 45 min?');
    const done = await second.core.handle(from('u1', press(buttonData(confirm.replies, 'Save'))));
    expect(done.replies.at(-1)?.text).toBe('Saved Школа № 3 45');
    expect(done.replies[0]).toMatchObject({ edit: true, text: expect.stringContaining('✓ Save') });
    // The dialog is over: text is no longer an answer.
    expect((await second.core.handle(from('u1', text('ещё')))).replies[0]?.text).toMatch(/не совсем понял/);
  });

  it('treats a button from an earlier step as stale and a second tap as nothing new', async () => {
    const c = open();
    await c.core.handle(from('u1', command('visit')));
    const asked = await c.core.handle(from('u1', text('СШ 1')));
    const thirty = buttonData(asked.replies, '30');
    await c.core.handle(from('u1', press(thirty)));
    const again = await c.core.handle(from('u1', press(thirty)));
    expect(again.replies).toEqual([]);
    expect(again.notice).toMatch(/устарела/);
  });

  it('expires an untouched dialog politely', async () => {
    const c = open();
    await c.core.handle(from('u1', command('visit')));
    c.clock.advance(61 * 60_000);
    expect((await c.core.handle(from('u1', text('СШ 1')))).replies[0]?.text).toMatch(/истёк/);
    expect((await c.core.handle(from('u1', text('СШ 1')))).replies[0]?.text).toMatch(/не совсем понял/);
  });

  it('ends a dialog whose definition changed version since it was opened', async () => {
    const first = open(1);
    await first.core.handle(from('u1', command('visit')));
    first.close();
    const second = open(2, first.path, first.clock);
    expect((await second.core.handle(from('u1', text('СШ 1')))).replies[0]?.text).toMatch(/обновился/);
  });

  it('/cancel leaves the dialog; a second /cancel says there is nothing to cancel', async () => {
    const c = open();
    await c.core.handle(from('u1', command('visit')));
    expect((await c.core.handle(from('u1', command('cancel')))).replies[0]?.text).toBe('Хорошо, отменил.');
    expect((await c.core.handle(from('u1', command('cancel')))).replies[0]?.text).toBe('Отменять нечего.');
  });

  it('keeps dialogs of different people apart', async () => {
    const c = open();
    await c.core.handle(from('u1', command('visit')));
    await c.core.handle(from('u2', command('visit')));
    await c.core.handle(from('u1', text('Первая')));
    const second = await c.core.handle(from('u2', text('Вторая')));
    await c.core.handle(from('u2', text('30')));
    expect(second.replies[0]?.text).toBe('How long?');
    const u1 = await c.core.handle(from('u1', text('60')));
    expect(u1.replies[0]?.text).toBe('Save Первая, 60 min?');
  });
});

describe('dispatch', () => {
  it('handles an update id once', async () => {
    const c = open();
    const update = from('u1', command('help'));
    expect((await c.core.handle(update)).replies).toHaveLength(1);
    expect(await c.core.handle(update)).toEqual({ replies: [], duplicate: true });
  });

  it('answers unknown commands, forged buttons and very long text politely', async () => {
    const c = open();
    expect((await c.core.handle(from('u1', command('nope')))).replies[0]?.text).toBe('Я не знаю команды /nope. Список команд — /help.');
    expect((await c.core.handle(from('u1', press('zz:1:2')))).notice).toBe('Эта кнопка уже не действует.');
    expect((await c.core.handle(from('u1', press('\u0000💥'.repeat(40))))).notice).toBe('Эта кнопка уже не действует.');
    expect((await c.core.handle(from('u1', text('а'.repeat(10_000))))).replies[0]?.text).toMatch(/слишком длинное/);
  });

  it('speaks English after the person chooses it', async () => {
    const c = open();
    const start = await c.core.handle(from('u1', command('start')));
    const done = await c.core.handle(from('u1', press(buttonData(start.replies, 'English'))));
    expect(done.replies.at(-1)?.text).toMatch(/^Hello! I am Opora/);
    expect(done.replies.at(-1)?.text).toContain('/help — list of commands');
    expect((await c.core.handle(from('u1', command('nope')))).replies[0]?.text).toMatch(/I don't know the command/);
  });
});
