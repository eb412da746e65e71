// The digest's message itself: sections in order, numbering that matches the
// buttons, the most urgent first when not all fit, and a size every messenger
// takes (Telegram's 4096 characters, MAX's 4000 and 30 rows, VK's inline
// keyboards of 6 rows and 10 buttons) in both languages.
import { describe, expect, it } from 'vitest';
import { inlineKeyboard } from '../../../bot/max/render.js';
import { keyboardPages } from '../../../bot/vk/render.js';
import type { MilestoneRow, Roadmap, RoadmapItemRow } from '../../../db/repos/roadmaps.js';
import { createI18n } from '../../../locales/i18n.js';
import type { Translate } from '../../../handlers/core/i18n.js';
import { DIGEST_MAX_ITEMS, digestMessage, type DigestItem } from '../../../handlers/roadmap/daily-digest.js';
import { milestoneReminder, type ReminderKind } from '../../../handlers/roadmap/reminders.js';
import { doneAction } from '../../../handlers/roadmap/progress.js';

const i18n = createI18n();
const ru: Translate = (key, args) => i18n.t('ru', key, args);
const en: Translate = (key, args) => i18n.t('en', key, args);
const roadmap = { id: 1, municipalityId: 1, schoolId: null } as Roadmap;

let nextId = 1;
function entry(kind: ReminderKind, due: string, title: string, from: string | null = null): DigestItem {
  const id = nextId++;
  const milestone = { id, itemId: id, from, due, postponedTo: null, state: 'open' } as MilestoneRow;
  const item = { id, roadmapId: 1, number: `${id}`, title, responsibleText: 'Руководители ОО', schedule: { kind: 'once', milestones: [] } } as unknown as RoadmapItemRow;
  return { milestone, item, roadmap, reminder: milestoneReminder(milestone, item, kind, { today: '2026-10-15', month: '2026-10' }) };
}

describe('the digest message', () => {
  it('shows today, soon, overdue, a span that begins, check-ins and others’ overdue items in that order', () => {
    const reply = digestMessage(ru, [entry('overdue', '2026-10-10', 'Чужой отчёт'), entry('start', '2026-10-31', 'Месячник', '2026-10-15'), entry('d1', '2026-10-16', 'Совещание'), entry('due', '2026-10-15', 'Приказ'), entry('due', '2026-10-12', 'Справка'), entry('month', '2026-12-31', 'Сверка')], '2026-10-15');
    expect(reply.text).toBe(
      [
        'Дорожная карта на сегодня: 6 пунктов ждут внимания.',
        '',
        'Сегодня срок:',
        '1. 4 Приказ — 15.10.2026',
        '',
        'Скоро (в течение недели):',
        '2. 3 Совещание — 16.10.2026',
        '',
        'Просрочено:',
        '3. 5 Справка — 12.10.2026',
        '',
        'Начинается период:',
        '4. 2 Месячник — с 15.10.2026 по 31.10.2026',
        '',
        'Ежемесячная сверка:',
        '5. 6 Сверка — 31.12.2026',
        '',
        'Просрочено у ответственных:',
        '• 1 Чужой отчёт — 10.10.2026 (ответственные: Руководители ОО)',
        '',
        '«✓» — выполнено, «⟳» — перенести срок; номер — как в списке.',
      ].join('\n'),
    );
    expect(reply.buttons?.map((row) => row.map((b) => b.label))).toEqual([1, 2, 3, 4, 5].map((n) => [`${n} ✓`, `${n} ⟳`]));
    expect(reply.buttons?.[2]?.[0]).toMatchObject({ data: doneAction.encode(5) });
  });

  it('keeps the most urgent when there are too many, and fits every messenger in both languages', () => {
    const long = 'Организация и проведение мероприятий по повышению качества образования в школах с низкими результатами обучения';
    const many = [
      ...Array.from({ length: 8 }, () => entry('d7', '2026-10-22', long)),
      ...Array.from({ length: 8 }, () => entry('due', '2026-10-13', long)),
      ...Array.from({ length: 12 }, () => entry('overdue', '2026-10-09', long)),
      entry('due', '2026-10-15', 'Самое срочное сегодня'),
    ];
    for (const t of [ru, en]) {
      const reply = digestMessage(t, many, '2026-10-15');
      expect(reply.text.length).toBeLessThan(4000);
      expect(reply.buttons).toHaveLength(DIGEST_MAX_ITEMS);
      expect(reply.buttons!.flat().length).toBeLessThanOrEqual(100);
      expect(inlineKeyboard(reply.buttons)!.payload.buttons.length).toBeLessThanOrEqual(30);
      expect(keyboardPages(reply.buttons)).toHaveLength(2);
    }
    const reply = digestMessage(ru, many, '2026-10-15');
    // Eight overdue and the one due today take nine places, one «скоро» the tenth; others' overdue stop at ten.
    expect(reply.text).toMatch(/Сегодня срок:\n1\. \d+ Самое срочное сегодня — 15\.10\.2026/u);
    expect(reply.text.match(/^\d+\. /gmu)).toHaveLength(DIGEST_MAX_ITEMS);
    expect(reply.text.match(/^• /gmu)).toHaveLength(DIGEST_MAX_ITEMS);
    expect(reply.text).toContain('…и ещё 9 пунктов — все в /roadmap');
    expect(digestMessage(en, many, '2026-10-15').text).toContain('…and 9 more items — all in /roadmap');
  });
});
