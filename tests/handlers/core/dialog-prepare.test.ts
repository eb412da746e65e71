// A dialog step's slow part (a download, reading a document) runs before the
// update's transaction: while one person's file is being read, everyone
// else is answered, and the step still gets what was read.
import { afterEach, describe, expect, it } from 'vitest';
import { preparedStep, type DialogDef } from '../../../handlers/core/dialog.js';
import type { Feature } from '../../../handlers/core/dispatch.js';
import { features } from '../../../handlers/index.js';
import { command, from, makeCore, text, type TestCore } from '../../helpers/core.js';

type Upload = { lines?: number };

/** A dialog whose answer is "read" by a prepare that finishes only when the test lets it. */
function uploadFeature(gate: { open: Promise<void>; reads: number }): Feature {
  const dialog: DialogDef<Upload> = {
    name: 'upload',
    version: 1,
    first: 'paste',
    steps: {
      paste: preparedStep<Upload, number>({
        prompt: () => ({ text: 'Paste the table', acceptsText: true }),
        prepare: async (_ctx, _data, answer) => {
          gate.reads += 1;
          await gate.open;
          return answer.kind === 'text' ? answer.text.split('\n').length : 0;
        },
        accept: (_ctx, data, answer, prepared) => {
          const lines = prepared ?? (answer.kind === 'text' ? -answer.text.split('\n').length : 0);
          return { done: { text: `Read ${lines} lines` } };
        },
      }),
    },
  };
  return (h) => {
    h.dialogs.register(dialog);
    h.router.command({ name: 'upload', describe: 'cmd-help', visible: () => true, run: (ctx) => h.dialogs.start(ctx, dialog, {}) });
  };
}

/** A gate the test opens when it wants the prepare to finish. */
function closedGate(): { gate: { open: Promise<void>; reads: number }; release: () => void } {
  let release = () => {};
  const gate = { open: new Promise<void>((go) => (release = go)), reads: 0 };
  return { gate, release };
}

let t: TestCore | undefined;
afterEach(() => t?.close());

describe('a dialog step prepared before its transaction', () => {
  it('answers others while one answer is still being read, then uses what was read', async () => {
    const { gate, release } = closedGate();
    t = makeCore({ features: [...features, uploadFeature(gate)] });
    await t.core.handle(from('coordinator', command('upload')));

    const slow = t.core.handle(from('coordinator', text('a\tb\nc\td\ne\tf')));
    // Someone else writes meanwhile: their update commits while the read is held open.
    const other = await t.core.handle(from('teacher', command('help')));
    expect(other.replies[0]?.text).toBeTruthy();
    expect(gate.reads).toBe(1);

    release();
    const done = await slow;
    // 3 lines, counted by prepare (accept alone would have said -3).
    expect(done.replies.map((r) => r.text)).toEqual(['Read 3 lines']);
  });

  it('lets accept do the work itself when the dialog moved on while reading', async () => {
    const { gate, release } = closedGate();
    t = makeCore({ features: [...features, uploadFeature(gate)] });
    await t.core.handle(from('coordinator', command('upload')));

    const slow = t.core.handle(from('coordinator', text('one\ntwo')));
    // The dialog is started again (a new step number) before the read ends.
    await t.core.handle(from('coordinator', command('upload')));
    release();
    expect((await slow).replies.map((r) => r.text)).toEqual(['Read -2 lines']);
  });

  it('does not prepare anything for a person without an open dialog', async () => {
    const gate = { open: Promise.resolve(), reads: 0 };
    t = makeCore({ features: [...features, uploadFeature(gate)] });
    await t.core.handle(from('teacher', text('просто текст')));
    expect(gate.reads).toBe(0);
  });
});
