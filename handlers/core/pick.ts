// A dialog step that picks one item from a list that may be long (schools,
// people): the first few as buttons, and typing part of a name narrows it.
import type { Ctx } from './context.js';
import type { Choice, DialogData, Step, StepOutcome } from './dialog.js';
import { normalizeRu } from './text.js';

export interface PickOptions<D extends DialogData> {
  /** The name of this step in its dialog, so a narrowing search stays on it. */
  step: string;
  question: (ctx: Ctx, data: D) => string;
  items: (ctx: Ctx, data: D) => Choice[];
  /** Where the typed filter is kept in the dialog data. */
  filterKey: keyof D & string;
  onPick: (ctx: Ctx, data: D, value: string) => StepOutcome<D> | Promise<StepOutcome<D>>;
  /** Extra choices after the list, such as "the whole municipality". */
  extra?: (ctx: Ctx, data: D) => Choice[];
  max?: number;
}

const matches = (item: Choice, filter: string) => normalizeRu(item.label).includes(filter);
const normalize = (text: string) => normalizeRu(text.trim());

export function pickOne<D extends DialogData>(options: PickOptions<D>): Step<D> {
  const max = options.max ?? 12;
  const visible = (ctx: Ctx, data: D) => {
    const filter = typeof data[options.filterKey] === 'string' ? (data[options.filterKey] as string) : '';
    const all = options.items(ctx, data);
    const shown = filter ? all.filter((i) => matches(i, filter)) : all;
    return { all, shown, filter };
  };
  return {
    prompt(ctx, data) {
      const { all, shown } = visible(ctx, data);
      const rows = shown.slice(0, max).map((item) => [item]);
      const extra = options.extra?.(ctx, data) ?? [];
      const more = shown.length > max ? `\n\n${ctx.t('pick-more', { shown: max, total: shown.length })}` : '';
      const none = all.length === 0 ? `\n\n${ctx.t('pick-empty')}` : '';
      return { text: `${options.question(ctx, data)}${more}${none}`, choices: [...rows, ...(extra.length ? [extra] : [])], acceptsText: true };
    },
    async accept(ctx, data, answer) {
      if (answer.kind === 'choice') return options.onPick(ctx, data, answer.value);
      if (answer.kind !== 'text' || normalize(answer.text) === '') return { reask: ctx.t('pick-type-name') };
      const filter = normalize(answer.text);
      const found = options.items(ctx, data).filter((i) => matches(i, filter));
      if (found.length === 1 && found[0]) return options.onPick(ctx, data, found[0].value);
      if (found.length === 0) return { reask: ctx.t('pick-nothing-found', { text: answer.text.trim().slice(0, 50) }) };
      return { next: options.step, data: { ...data, [options.filterKey]: filter } };
    },
  };
}
