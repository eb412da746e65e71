// Bulk import from real XLSX and CSV files parsed by real libraries: bad rows
// are reported by line number, the rest imported, and a second run changes
// nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { ensureMunicipality, schoolsOf } from '../../../db/repos/org.js';
import { peopleOf } from '../../../db/repos/people.js';
import { ALL_ROLES, applyImport, planImport, previewCounts } from '../../../handlers/people/import/plan.js';
import { readTable, TableError } from '../../../handlers/people/import/table.js';
import { peopleXlsx, schoolsXlsx } from '../../fixtures/spreadsheets.js';
import { makeCore, type TestCore } from '../../helpers/core.js';

let t: TestCore | undefined;
afterEach(() => t?.close());

async function importFile(c: TestCore, municipalityId: number, name: string, data: Buffer) {
  const plan = planImport(c.db, municipalityId, await readTable(name, data), ALL_ROLES);
  if (!plan) throw new Error('no plan');
  const now = c.clock.now();
  const applied = c.db.transaction((tx) => applyImport(tx, municipalityId, plan, { today: '2026-11-23', now, createdBy: null, inviteDays: 30 }));
  return { plan, applied };
}

describe('bulk import', () => {
  it('imports schools with statuses, and a second run changes nothing', async () => {
    t = makeCore();
    const m = ensureMunicipality(t.db, { name: 'Тестовый район', region: 'Тестовая область', timezone: 'Europe/Moscow' });
    const first = await importFile(t, m.id, 'schools.xlsx', await schoolsXlsx());
    expect(first.plan.problems).toEqual([]);
    expect(first.applied.counts).toEqual({ created: 4, updated: 0, unchanged: 0 });
    const schools = schoolsOf(t.db, m.id);
    expect(schools.map((s) => [s.shortName, s.statuses.sort()])).toEqual([
      ['Заречная СОШ', ['low_results', 'social_conditions']],
      ['Ильинская ООШ', ['low_results']],
      ['СШ № 1', ['leader']],
      ['СШ № 7', ['at_risk']],
    ]);
    const second = await importFile(t, m.id, 'schools.xlsx', await schoolsXlsx());
    expect(second.applied.counts).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(schoolsOf(t.db, m.id)).toHaveLength(4);
  });

  it('reports every bad row of a people list by line and imports the rest once', async () => {
    t = makeCore();
    const m = ensureMunicipality(t.db, { name: 'Тестовый район', region: 'Тестовая область', timezone: 'Europe/Moscow' });
    await importFile(t, m.id, 'schools.xlsx', await schoolsXlsx());
    const { plan, applied } = await importFile(t, m.id, 'people.xlsx', await peopleXlsx());
    expect(plan.problems.map((p) => [p.line, p.key])).toEqual([
      [5, 'import-row-no-name'],
      [6, 'import-row-unknown-school'],
      [7, 'import-row-duplicate'],
      [8, 'import-row-formula'],
    ]);
    expect(plan.problems[2]?.args).toEqual({ line: 4 });
    expect(applied.counts).toEqual({ created: 4, updated: 0, unchanged: 0 });
    expect(applied.people.every((p) => p.invite && /^[A-Z2-9]{8}$/.test(p.invite.code))).toBe(true);
    const people = peopleOf(t.db, m.id);
    expect(people.map((p) => p.fullName)).toEqual([
      'Гусева Анна Викторовна',
      'Журавлёв Денис Олегович',
      'Кравец Наталья Игоревна',
      'Миронова Светлана Юрьевна',
    ]);
    expect(people.find((p) => p.fullName?.startsWith('Гусева'))?.subjects).toEqual(['russian', 'literature']);

    // The same file again: nothing new, the same invites.
    expect(previewCounts(t.db, m.id, plan, t.clock.now())).toEqual({ created: 0, updated: 0, unchanged: 4 });
    const again = await importFile(t, m.id, 'people.xlsx', await peopleXlsx());
    expect(again.applied.counts).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(again.applied.people.map((p) => p.invite?.code)).toEqual(applied.people.map((p) => p.invite?.code));
    expect(peopleOf(t.db, m.id)).toHaveLength(4);
  });

  it('reads a CSV saved by Excel in Windows-1251 with semicolons', async () => {
    t = makeCore();
    const m = ensureMunicipality(t.db, { name: 'Тестовый район', region: 'Тестовая область', timezone: 'Europe/Moscow' });
    const csv = 'Наименование;Статус\r\nМКОУ «Ильинская основная школа»;ШНОР\r\n=cmd|calc;лидер\r\n';
    const cp1251 = Buffer.from(new Uint8Array([...csv].map((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      if (code < 128) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      return { '«': 0xab, '»': 0xbb, 'Ё': 0xa8, 'ё': 0xb8 }[ch] ?? 0x3f;
    })));
    const { plan, applied } = await importFile(t, m.id, 'школы.csv', cp1251);
    expect(plan.problems.map((p) => [p.line, p.key])).toEqual([[3, 'import-row-formula']]);
    expect(applied.counts.created).toBe(1);
    expect(schoolsOf(t.db, m.id)[0]?.name).toBe('МКОУ «Ильинская основная школа»');
  });

  it('refuses corrupt, empty, oversized and unknown files clearly', async () => {
    await expect(readTable('list.xlsx', Buffer.from('not a zip at all'))).rejects.toMatchObject({ key: 'import-file-corrupt' });
    await expect(readTable('list.csv', Buffer.from('\n\n'))).rejects.toMatchObject({ key: 'import-file-empty' });
    await expect(readTable('list.csv', Buffer.alloc(6 * 1024 * 1024, 65))).rejects.toBeInstanceOf(TableError);
    await expect(readTable('list.pdf', Buffer.from('%PDF'))).rejects.toMatchObject({ key: 'import-file-type' });
  });
});
