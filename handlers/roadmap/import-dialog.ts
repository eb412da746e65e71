// Importing a road map in chat: the coordinator sends the order as DOCX,
// XLSX, CSV or pasted text, sees what was understood (items, sections,
// deadlines read and not read, with their text), confirms, and then confirms
// once what each responsible body means.
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
import { planRoadmap, saveRoadmap, understood, type RoadmapPlan } from './store.js';
import { MAX_ROADMAP_BYTES, RoadmapDocumentError } from './table/read.js';
import { downloadWithin } from '../core/files.js';

export type RoadmapImportData = {
  municipalityId: number;
  schoolId: number | null;
  fileName?: string;
  plan?: RoadmapPlan;
  /** Responsible bodies still to confirm, after the import. */
  bodies?: string[];
  /** How each body was written in the document ("МКУ ЦИМО"), to show it with its capitals. */
  labels?: Record<string, string>;
  /** The «saved» message, shown once above the first question about a body. */
  saved?: string;
};

const UNKNOWN_SHOWN = 15;

/** A municipality's road map is the coordinator's; a school's own plan is also its admins'. */
export function requireEditor(ctx: Ctx, municipalityId: number, schoolId: number | null): Person {
  const person = requirePerson(ctx);
  if (mayAdminister(person, municipalityId)) return person;
  if (schoolId !== null && person.schoolId === schoolId && hasRole(person, 'school_admin')) return person;
  throw notAllowed();
}
const targets: ResponsibleTarget['kind'][] = ['coordinators', 'supported-admins', 'all-admins', 'nobody'];

export function previewText(ctx: Ctx, plan: RoadmapPlan, fileName: string): string {
  const { understood: read, unknown } = understood(plan);
  const period = plan.period.from && plan.period.to ? `${plan.period.from} — ${plan.period.to}` : String(plan.period.year);
  const lines = [ctx.t('roadmap-preview', { file: fileName, items: plan.items.length, sections: plan.sections.length, understood: read, unknown: unknown.length, period })];
  if (unknown.length > 0) {
    lines.push('', ctx.t('roadmap-not-understood'));
    lines.push(...unknown.slice(0, UNKNOWN_SHOWN).map((i) => `• ${i.number} — «${i.deadlineText || ctx.t('roadmap-blank')}»`));
    if (unknown.length > UNKNOWN_SHOWN) lines.push(ctx.t('import-more-problems', { count: unknown.length - UNKNOWN_SHOWN }));
  }
  if (plan.warnings.length > 0) lines.push('', ctx.t('roadmap-warnings', { count: plan.warnings.length }));
  return lines.join('\n');
}

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

type FileRead = { plan: RoadmapPlan; fileName: string } | { reask: string };

/** Reads the document (or pasted table) an answer carries; a polite question again when it cannot be used. */
async function readAnswer(ctx: Ctx, data: RoadmapImportData, answer: Answer): Promise<FileRead> {
  const year = Number(todayIn(ctx.deps, data.municipalityId).slice(0, 4));
  try {
    let plan: RoadmapPlan;
    let fileName: string;
    if (answer.kind === 'file') {
      const content = await downloadWithin(answer.file, MAX_ROADMAP_BYTES);
      if (!content) return { reask: ctx.t('roadmap-error-too-big') };
      fileName = answer.file.name;
      plan = await planRoadmap(fileName, content, undefined, year);
    } else if (answer.kind === 'text' && answer.text.includes('\t')) {
      fileName = ctx.t('roadmap-pasted');
      plan = await planRoadmap('pasted.txt', Buffer.from(answer.text, 'utf8'), undefined, year);
    } else return { reask: ctx.t('roadmap-ask-file') };
    if (plan.items.length === 0) return { reask: ctx.t('roadmap-error-empty') };
    return { plan, fileName };
  } catch (error) {
    if (error instanceof RoadmapDocumentError) return { reask: ctx.t(error.key, error.args) };
    throw error;
  }
}

export const roadmapImportDialog: DialogDef<RoadmapImportData> = {
  name: 'roadmap-import',
  version: 1,
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
        return { next: 'confirm', data: { ...data, fileName: read.fileName, plan: read.plan } };
      },
    }),
    confirm: {
      prompt: (ctx, data) => ({
        text: data.plan ? previewText(ctx, data.plan, data.fileName ?? '') : '',
        choices: [[{ label: ctx.t('import-confirm'), value: 'yes' }, { label: ctx.t('import-cancel'), value: 'no' }]],
      }),
      accept: (ctx, data, answer) => {
        if (answer.kind !== 'choice' || answer.value !== 'yes' || !data.plan) return { done: { text: ctx.t('import-cancelled') } };
        const coordinator = requireEditor(ctx, data.municipalityId, data.schoolId);
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
