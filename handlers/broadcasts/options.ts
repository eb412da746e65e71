// Two switches on the broadcast's confirm step, both off until pressed:
// «Попросить подтвердить прочтение» (each message carries «Ознакомлен(а)»,
// ack.ts) and «Закрепить в чате» (the transports pin it where they can).
// A press flips one and redraws the preview in place.
import type { Choice } from '../core/dialog.js';
import type { Ctx } from '../core/context.js';
import type { BroadcastData } from './data.js';

const mark = (on: boolean | undefined) => (on ? '✓ ' : '');

export function optionChoices(ctx: Ctx, data: BroadcastData): Choice[][] {
  return [
    [{ label: `${mark(data.askAck)}${ctx.t('broadcast-option-ack')}`, value: 'opt:ack' }],
    [{ label: `${mark(data.pin)}${ctx.t('broadcast-option-pin')}`, value: 'opt:pin' }],
  ];
}

/** The preview's lines for the switches that are on. */
export function optionsLine(ctx: Ctx, data: BroadcastData): string {
  const lines = [data.askAck ? ctx.t('broadcast-option-ack-on') : '', data.pin ? ctx.t('broadcast-option-pin-on') : ''].filter(Boolean);
  return lines.length ? `\n\n${lines.join('\n')}` : '';
}

/** The data with the pressed switch flipped; undefined when the answer is not a switch. */
export function toggleOption(data: BroadcastData, value: string): BroadcastData | undefined {
  if (value === 'opt:ack') return { ...data, askAck: !data.askAck };
  if (value === 'opt:pin') return { ...data, pin: !data.pin };
  return undefined;
}
