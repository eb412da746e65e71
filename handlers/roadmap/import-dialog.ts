// Importing a road map in chat: the coordinator sends the order as DOCX,
// XLSX, CSV or pasted text, sees what was understood (items, sections,
// deadlines read and not read, with their text), confirms, and then confirms
// once what each responsible body means. A table whose columns the reader
// could not tell is shown to the coordinator, who chooses them by buttons;
// the choice is remembered for the next document with the same header.
import { audit } from '../../db/repos/audit.js';
import { getSchool } from '../../db/repos/org.js';
import { itemsOf, setAlias } from '../../db/repos/roadmaps.js';
import type { ResponsibleTarget } from '../../db/schema.js';
import { todayIn } from '../core/local-time.js';
import { hasRole, mayAdminister, requireAdminOf, requirePerson } from '../core/access.js';
import { notAllowed } from '../core/errors.js';
import type { Person } from '../../db/repos/people.js';
import type { Ctx } from '../core/context.js';
import { preparedStep, type Answer, type DialogDef } from '../core/dialog.js';
import { meaningOf, responsibleBodies } from './responsible.js';
import { columnChoices, keptRows, previewLines, rememberColumns, rememberedColumns, type ColumnsData } from './column-choice.js';
import { previewText } from './preview.js';
import { planWithColumns, readRoadmap, saveRoadmap, type RoadmapPlan } from './store.js';
import { MAX_ROADMAP_BYTES, RoadmapDocumentError } from './table/read.js';
import { downloadWithin } from '../core/files.js';

export type RoadmapImportData = {
  municipalityId: number;
  schoolId: number | null;
  fileName?: string;
  plan?: RoadmapPlan;
  /** Set when the columns were chosen (or remembered) rather than read from the header. */
  columns?: ColumnsData;
  /** The columns chosen gave no item: said once above the new choice. */
  nothing?: boolean;
  /** Responsible bodies still to confirm, after the import. */
  bodies?: string[];
  /** How each body was written in the document ("МКУ ЦИМО"), to show it with its capitals. */
  labels?: Record<string, string>;
  /** The «saved» message, shown once above the first question about a body. */
  saved?: string;
};

/** A municipality's road map is the coordinator's; a school's own plan is also its admins'. */
export function requireEditor(ctx: Ctx, municipalityId: number, schoolId: number | null): Person {
  const person = requirePerson(ctx);
  if (mayAdminister(person, municipalityId)) return person;
  if (schoolId !== null && person.schoolId === schoolId && hasRole(person, 'school_admin')) return person;
  throw notAllowed();
}
const targets: ResponsibleTarget['kind'][] = ['coordinators', 'supported-admins', 'all-admins', 'nobody'];

/** The bodies whose meaning is not confirmed yet, each with the first spelling the document used. */
function unconfirmedBodies(ctx: Ctx, municipalityId: number, roadmapId: number): { bodies: string[]; labels: Record<string, string> } {
  const labels: Record<string, string> = {};
  for (const item of itemsOf(ctx.deps.db, roadmapId)) {
    for (const part of item.responsibleText.split(/[,;\n]+/)) {
      const [body] = responsibleBodies(part);
      if (body !== undefined && labels[body] === undefined) labels[body] = part.replace(/\s+/g, ' ').trim();
    }
  }
  const bodies = Object.keys(labels).filter((b) => !meaningOf(ctx.deps.db, municipalityId, b).confirmed);
  return { bodies, labels: Object.fromEntries(bodies.map((b) => [b, labels[b] ?? b])) };
}

/** Columns that give no item with a title were chosen wrong. */
const usable = (plan: RoadmapPlan) => plan.items.some((i) => i.title !== '');

type FileRead = { plan: RoadmapPlan; fileName: string; columns?: ColumnsData } | { fileName: string; columns: ColumnsData; plan?: undefined } | { reask: string };

const yearOf = (ctx: Ctx, data: RoadmapImportData) => Number(todayIn(ctx.deps, data.municipalityId).slice(0, 4));

/**
 * Reads the document (or pasted table) an answer carries; a polite question
 * again when it cannot be used. A table whose columns were not recognised
 * comes back with its rows, read at once when a choice for its header was
 * made before.
 */
async function readAnswer(ctx: Ctx, data: RoadmapImportData, answer: Answer): Promise<FileRead> {
  const year = yearOf(ctx, data);
  try {
    let content: Buffer;
    let fileName: string;
    let sourceName: string;
    if (answer.kind === 'file') {
      const downloaded = await downloadWithin(answer.file, MAX_ROADMAP_BYTES);
      if (!downloaded) return { reask: ctx.t('roadmap-error-too-big') };
      [content, fileName, sourceName] = [downloaded, answer.file.name, answer.file.name];
    } else if (answer.kind === 'text' && answer.text.includes('\t')) {
      [content, fileName, sourceName] = [Buffer.from(answer.text, 'utf8'), ctx.t('roadmap-pasted'), 'pasted.txt'];
    } else return { reask: ctx.t('roadmap-ask-file') };
    const reading = await readRoadmap(sourceName, content, undefined, year);
    if (reading.kind === 'plan') return reading.plan.items.length === 0 ? { reask: ctx.t('roadmap-error-empty') } : { plan: reading.plan, fileName };
    const remembered = rememberedColumns(ctx.deps.db, data.municipalityId, reading.shape, reading.width);
    const plan = remembered && (await planWithColumns(reading.rows, remembered, undefined, year));
    const rows = keptRows(reading.rows);
    // Too big to keep for choosing again: a remembered choice is still used, just without that button.
    if (!rows) return plan && usable(plan) ? { plan, fileName } : { reask: ctx.t('roadmap-columns-too-big') };
    const columns: ColumnsData = { rows, preview: reading.preview, width: reading.width, shape: reading.shape };
    if (plan && usable(plan)) return { plan, fileName, columns: { ...columns, choice: remembered, remembered: true } };
    return { fileName, columns };
  } catch (error) {
    if (error instanceof RoadmapDocumentError) return { reask: ctx.t(error.key, error.args) };
    throw error;
  }
}

/** The plan read with the columns chosen; undefined when they give no item with a title (a choice to make again). */
async function readChosen(ctx: Ctx, data: RoadmapImportData): Promise<RoadmapPlan | undefined> {
  const choice = data.columns?.choice;
  if (!data.columns || choice?.title === undefined) return undefined;
  const plan = await planWithColumns(data.columns.rows, { ...choice, title: choice.title }, undefined, yearOf(ctx, data));
  return usable(plan) ? plan : undefined;
}

const NONE = 'none';

/** The question about one column, over the first rows of the table; the optional ones may be missing. */
function columnPrompt(ctx: Ctx, data: RoadmapImportData, question: string, optional: boolean) {
  const columns = data.columns;
  if (!columns) return { text: '' };
  const taken = [columns.choice?.title, columns.choice?.deadline, columns.choice?.responsible];
  const again = data.nothing ? [ctx.t('roadmap-columns-empty'), ''] : [];
  const intro = columns.choice?.title === undefined ? [...again, ctx.t('roadmap-columns-intro'), ...previewLines(columns.preview), ''] : [];
  const choices = columnChoices(ctx, columns, taken);
  if (optional) choices.push([{ label: ctx.t('roadmap-columns-none'), value: NONE }]);
  return { text: [...intro, ctx.t(question)].join('\n'), choices };
}

/** The column a button names, `null` for «нет такого столбца», undefined for anything else. */
function chosenColumn(data: RoadmapImportData, answer: Answer, optional: boolean): number | null | undefined {
  if (answer.kind !== 'choice') return undefined;
  if (optional && answer.value === NONE) return null;
  const index = Number(answer.value);
  return Number.isInteger(index) && index >= 0 && index < (data.columns?.width ?? 0) ? index : undefined;
}

/** One step of choosing a column: title, then deadline, then responsible. */
function columnStep(role: 'title' | 'deadline' | 'responsible', next: string) {
  const optional = role !== 'title';
  return {
    prompt: (ctx: Ctx, data: RoadmapImportData) => columnPrompt(ctx, data, `roadmap-columns-ask-${role}`, optional),
    accept: (ctx: Ctx, data: RoadmapImportData, answer: Answer) => {
      const index = chosenColumn(data, answer, optional);
      if (index === undefined || !data.columns) return { reask: ctx.t('dialog-choose-button') };
      requireEditor(ctx, data.municipalityId, data.schoolId);
      const { [role]: _old, ...choice } = data.columns.choice ?? {};
      const { nothing: _said, ...rest } = data;
      return { next, data: { ...rest, columns: { ...data.columns, choice: index === null ? choice : { ...choice, [role]: index } } } };
    },
  };
}

/** The data with the responsible column chosen (or said missing). */
function withColumn(data: RoadmapImportData, index: number | null): RoadmapImportData {
  if (!data.columns) return data;
  const { responsible: _old, ...choice } = data.columns.choice ?? {};
  const { nothing: _said, ...rest } = data;
  return { ...rest, columns: { ...data.columns, choice: index === null ? choice : { ...choice, responsible: index } } };
}

export const roadmapImportDialog: DialogDef<RoadmapImportData> = {
  name: 'roadmap-import',
  version: 2,
  first: 'file',
  steps: {
    file: preparedStep<RoadmapImportData, FileRead>({
      prompt: (ctx) => ({ text: ctx.t('roadmap-ask-file'), acceptsText: true }),
      // Downloading and reading a 5,000-row document takes a while: it runs
      // before the update's transaction, so nobody else waits behind it.
      prepare: (ctx, data, answer) => readAnswer(ctx, data, answer),
      accept: async (ctx, data, answer, prepared) => {
        const read = prepared ?? (await readAnswer(ctx, data, answer));
        if ('reask' in read) return { reask: read.reask };
        const { plan: _old, columns: _chosen, ...rest } = data;
        const fresh = { ...rest, fileName: read.fileName, ...(read.columns ? { columns: read.columns } : {}) };
        return read.plan ? { next: 'confirm', data: { ...fresh, plan: read.plan } } : { next: 'column-title', data: fresh };
      },
    }),
    'column-title': columnStep('title', 'column-deadline'),
    'column-deadline': columnStep('deadline', 'column-responsible'),
    'column-responsible': preparedStep<RoadmapImportData, RoadmapPlan | undefined>({
      prompt: (ctx, data) => columnPrompt(ctx, data, 'roadmap-columns-ask-responsible', true),
      // The last choice reads the whole table again: before the transaction, like the file.
      prepare: (ctx, data, answer) => {
        const index = chosenColumn(data, answer, true);
        if (index === undefined || !data.columns) return Promise.resolve(undefined);
        return readChosen(ctx, withColumn(data, index));
      },
      accept: async (ctx, data, answer, prepared) => {
        const index = chosenColumn(data, answer, true);
        if (index === undefined || !data.columns) return { reask: ctx.t('dialog-choose-button') };
        requireEditor(ctx, data.municipalityId, data.schoolId);
        const chosen = withColumn(data, index);
        const plan = prepared ?? (await readChosen(ctx, chosen));
        if (!plan) return { next: 'column-title', data: { ...chosen, columns: { ...data.columns, choice: {} }, nothing: true } };
        return { next: 'confirm', data: { ...chosen, plan } };
      },
    }),
    confirm: {
      prompt: (ctx, data) => {
        const remembered = data.columns?.remembered ? ['', ctx.t('roadmap-columns-remembered')] : [];
        const choices = [[{ label: ctx.t('import-confirm'), value: 'yes' }, { label: ctx.t('import-cancel'), value: 'no' }]];
        if (data.columns) choices.push([{ label: ctx.t('roadmap-columns-again'), value: 'columns' }]);
        return { text: data.plan ? [previewText(ctx, data.plan, data.fileName ?? ''), ...remembered].join('\n') : '', choices };
      },
      accept: (ctx, data, answer) => {
        if (answer.kind === 'choice' && answer.value === 'columns' && data.columns) {
          requireEditor(ctx, data.municipalityId, data.schoolId);
          const { plan: _old, ...rest } = data;
          return { next: 'column-title', data: { ...rest, columns: { ...data.columns, choice: {}, remembered: false } } };
        }
        if (answer.kind !== 'choice' || answer.value !== 'yes' || !data.plan) return { done: { text: ctx.t('import-cancelled') } };
        const coordinator = requireEditor(ctx, data.municipalityId, data.schoolId);
        const columns = data.columns;
        if (columns?.choice?.title !== undefined && !columns.remembered) rememberColumns(ctx.deps.db, data.municipalityId, columns.shape, { ...columns.choice, title: columns.choice.title });
        const school = data.schoolId !== null ? getSchool(ctx.deps.db, data.schoolId) : undefined;
        const plan = data.plan;
        const saved = ctx.deps.db.transaction((tx) =>
          saveRoadmap(tx, plan, {
            municipalityId: data.municipalityId,
            schoolId: data.schoolId,
            title: school ? school.shortName : (data.fileName ?? ''),
            sourceName: data.fileName ?? '',
            by: coordinator.id,
            now: ctx.deps.clock.now(),
          }),
        );
        audit(ctx.deps.db, { at: ctx.deps.clock.now(), actorId: coordinator.id, municipalityId: data.municipalityId, action: 'roadmap.imported', details: { roadmapId: saved.roadmap.id, created: saved.created, updated: saved.updated, removed: saved.removed } });
        const done = ctx.t('roadmap-imported', { created: saved.created, updated: saved.updated, unchanged: saved.unchanged, removed: saved.removed });
        const { bodies, labels } = data.schoolId === null ? unconfirmedBodies(ctx, data.municipalityId, saved.roadmap.id) : { bodies: [], labels: {} };
        if (bodies.length === 0) return { done: { text: done } };
        return { next: 'responsible', data: { municipalityId: data.municipalityId, schoolId: data.schoolId, bodies, labels, saved: done } };
      },
    },
    responsible: {
      prompt: (ctx, data) => {
        const body = data.bodies?.[0] ?? '';
        const suggested = meaningOf(ctx.deps.db, data.municipalityId, body).target.kind;
        const question = ctx.t('roadmap-ask-responsible', { body: data.labels?.[body] ?? body, left: data.bodies?.length ?? 0 });
        return {
          text: data.saved ? `${data.saved}\n\n${question}` : question,
          choices: targets.map((k) => [{ label: `${k === suggested ? '★ ' : ''}${ctx.t(`responsible-${k}`)}`, value: k }]),
        };
      },
      accept: (ctx, data, answer) => {
        const kind = targets.find((k) => answer.kind === 'choice' && answer.value === k);
        const [body, ...rest] = data.bodies ?? [];
        if (!kind || body === undefined) return { reask: ctx.t('dialog-choose-button') };
        requireAdminOf(ctx, data.municipalityId);
        setAlias(ctx.deps.db, data.municipalityId, body, { kind }, ctx.deps.clock.now());
        const { saved: _shown, ...left } = data;
        return rest.length > 0 ? { next: 'responsible', data: { ...left, bodies: rest } } : { done: { text: ctx.t('roadmap-responsible-done') } };
      },
    },
  },
};
