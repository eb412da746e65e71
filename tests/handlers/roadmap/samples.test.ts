// The two real municipal orders in ../shared/samples/ (relative to the
// project root), read end to end: every item, section and warning compared
// with a hand-checked reading, every deadline parsed to its expected
// schedule, and the deadlines that cannot be dated listed with their text.
// Skipped when the samples are not next to the project.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDeadline, type PlanPeriod } from '../../../handlers/roadmap/deadline.js';
import { guessPlanPeriod } from '../../../handlers/roadmap/plan-period.js';
import { extractRoadmap } from '../../../handlers/roadmap/table/extract.js';
import { rowsFromPastedText } from '../../../handlers/roadmap/table/pasted.js';
import { readRoadmapDocument } from '../../../handlers/roadmap/table/read.js';
import type { DraftWarning } from '../../../handlers/roadmap/table/types.js';
import { BARABINSK_ITEMS, BARABINSK_PLAN, BARABINSK_SECTIONS } from '../../fixtures/roadmap/samples/barabinsk.js';
import { GORODETS_ITEMS, GORODETS_PLAN, GORODETS_SECTIONS } from '../../fixtures/roadmap/samples/gorodets.js';
import type { SampleItem } from '../../fixtures/roadmap/schedules.js';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const samplesDir = resolve(projectRoot, '../shared/samples');

interface Sample {
  file: string;
  plan: PlanPeriod;
  sections: string[];
  items: SampleItem[];
  warnings: DraftWarning[];
  /** Items whose deadline cannot be dated, by number, with their text. */
  undated: [string, string][];
}

const SAMPLES: Sample[] = [
  {
    file: 'gorodets-2020-order.txt',
    plan: GORODETS_PLAN,
    sections: GORODETS_SECTIONS,
    items: GORODETS_ITEMS,
    warnings: [
      { code: 'duplicate-number', line: 90, text: '2.6' },
      { code: 'missing-deadline', line: 111, text: '4.6' },
    ],
    undated: [['4.6', '']],
  },
  {
    file: 'barabinsk-2024-order.txt',
    plan: BARABINSK_PLAN,
    sections: BARABINSK_SECTIONS,
    items: BARABINSK_ITEMS,
    warnings: [],
    undated: [
      ['6', 'По плану Управления образования'],
      ['39', 'Согласно графику НИМРО'],
      ['46', 'По плану Управления образования в течение 2024'],
      ['47', 'По графику федерального оператора'],
    ],
  },
];

describe.each(SAMPLES)('sample $file', (sample) => {
  const path = resolve(samplesDir, sample.file);
  const present = existsSync(path);
  const rows = () => rowsFromPastedText(readFileSync(path, 'utf8'));

  it.skipIf(!present)('yields every section and item exactly, with the expected warnings', () => {
    const draft = extractRoadmap(rows());
    expect(draft.sections).toEqual(sample.sections);
    expect(draft.items).toEqual(sample.items.map(({ schedule: _schedule, ...item }) => item));
    expect(draft.warnings).toEqual(sample.warnings);
  });

  it.skipIf(!present)('reads every deadline to its hand-checked schedule', () => {
    const draft = extractRoadmap(rows());
    const read = draft.items.map((item) => [item.number, item.deadlineText, parseDeadline(item.deadlineText, sample.plan)]);
    expect(read).toEqual(sample.items.map((item) => [item.number, item.deadlineText, item.schedule]));
  });

  it.skipIf(!present)('lists the deadlines that cannot be dated', () => {
    const draft = extractRoadmap(rows());
    const undated = draft.items.filter((item) => parseDeadline(item.deadlineText, sample.plan).kind === 'unknown');
    expect(undated.map((item) => [item.number, item.deadlineText])).toEqual(sample.undated);
  });

  it.skipIf(!present)('suggests the plan period named above the table', () => {
    expect(guessPlanPeriod(rows())).toEqual(sample.plan);
  });

  it.skipIf(!present)('reads the same rows when sent as a .txt file', async () => {
    const fromFile = await readRoadmapDocument(sample.file, readFileSync(path));
    expect(extractRoadmap(fromFile)).toEqual(extractRoadmap(rows()));
  });
});
