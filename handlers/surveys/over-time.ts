// The buttons of surveys over time: «Динамика» and its chart on a round's
// card, and a school head's results for their school. Registered by the
// feature's index.ts; each handler re-checks who presses (trends.ts, school-view.ts).
import type { FeatureHost } from '../core/dispatch.js';
import { schoolViewAction, schoolViewReply } from './school-view.js';
import { trendAction, trendChartAction, trendChartReply, trendPageAction, trendReply } from './trends.js';

export function registerOverTime(h: FeatureHost): void {
  h.router
    .action(trendAction, (ctx, [id, index]) => trendReply(ctx, id, index))
    .action(trendPageAction, (ctx, [id, index]) => trendReply(ctx, id, index, true))
    .action(trendChartAction, (ctx, [id, index]) => trendChartReply(ctx, id, index))
    .action(schoolViewAction, (ctx, [id]) => schoolViewReply(ctx, id));
}
