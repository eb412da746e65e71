// An audit entry in words: «рассылка 8 получателям, не срочная» rather than
// `broadcastId=8, urgent=false`. Each known action reads its own details;
// an entry whose details are not what its action writes (an older version,
// a hand-made row) falls back to the action's name, and an unknown action to
// a plain list of its details — never a key=value dump for a known one.
import type { AuditEntry } from '../../db/repos/audit.js';
import { getSchool } from '../../db/repos/org.js';
import { getPerson } from '../../db/repos/people.js';
import { getSeminar } from '../../db/repos/seminars.js';
import { getRound, getSurvey } from '../../db/repos/surveys.js';
import type { Db } from '../../db/client.js';
import type { Translate } from '../core/i18n.js';

type Details = Record<string, unknown>;
type Describe = (d: Details, t: Translate, db: Db) => string | undefined;

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function personName(t: Translate, db: Db, id: unknown): string {
  const person = num(id) !== undefined ? getPerson(db, num(id)!) : undefined;
  return person?.fullName ?? t('audit-erased');
}

/** The title of a survey round's survey, for acts on a round. */
function roundTitle(db: Db, id: unknown): string | undefined {
  const round = num(id) !== undefined ? getRound(db, num(id)!) : undefined;
  return round ? getSurvey(db, round.surveyId)?.title : undefined;
}

function counts(d: Details): { created: number; updated: number; unchanged: number } | undefined {
  const [created, updated, unchanged] = [num(d.created), num(d.updated), num(d.unchanged)];
  return created === undefined || updated === undefined || unchanged === undefined ? undefined : { created, updated, unchanged };
}

const describers: Record<string, Describe> = {
  'invite.created': (d, t, db) => {
    const uses = num(d.maxUses);
    if (typeof d.role !== 'string' || uses === undefined) return undefined;
    const school = num(d.schoolId) !== undefined ? getSchool(db, num(d.schoolId)!) : undefined;
    return t('audit-text-invite-created', { role: t(`role-${d.role}`), scope: school?.shortName ?? t('audit-scope-municipality'), uses });
  },
  'role.granted': (d, t, db) => (typeof d.role === 'string' ? t('audit-text-role-granted', { role: t(`role-${d.role}`), name: personName(t, db, d.personId) }) : undefined),
  'people.imported': (d, t) => (counts(d) ? t('audit-text-people-imported', counts(d)!) : undefined),
  'schools.imported': (d, t) => (counts(d) ? t('audit-text-schools-imported', counts(d)!) : undefined),
  'assignment.created': (d, t) => {
    if (typeof d.kind !== 'string') return undefined;
    const text = t('audit-text-assignment-created', { kind: t(`audit-kind-${d.kind}`) });
    const replaced = Array.isArray(d.replaced) ? d.replaced.length : 0;
    return replaced > 0 ? `${text}, ${t('audit-text-assignment-replaced', { count: replaced })}` : text;
  },
  'broadcast.sent': (d, t) => {
    const recipients = num(d.recipients);
    return recipients === undefined ? undefined : t('audit-text-broadcast-sent', { recipients, urgent: d.urgent === true ? 'yes' : 'no' });
  },
  'broadcast.stopped': (d, t) => {
    const cancelled = num(d.cancelled);
    return cancelled === undefined ? undefined : t('audit-text-broadcast-stopped', { count: cancelled });
  },
  'broadcast.edited': (d, t) => {
    const [edited, notEditable] = [num(d.edited), num(d.notEditable)];
    return edited === undefined || notEditable === undefined ? undefined : t('audit-text-broadcast-edited', { count: edited, missed: notEditable });
  },
  'seminar.announced': (d, t, db) => {
    const recipients = num(d.recipients);
    const seminar = num(d.seminarId) !== undefined ? getSeminar(db, num(d.seminarId)!) : undefined;
    return recipients === undefined || !seminar ? undefined : t('audit-text-seminar-announced', { title: seminar.title, recipients });
  },
  'seminar.cancelled': (d, t, db) => {
    const seminar = num(d.seminarId) !== undefined ? getSeminar(db, num(d.seminarId)!) : undefined;
    const recipients = num(d.recipients);
    return !seminar || recipients === undefined ? undefined : t('audit-text-seminar-cancelled', { title: seminar.title, recipients });
  },
  'seminar.changed': (d, t, db) => {
    const seminar = num(d.seminarId) !== undefined ? getSeminar(db, num(d.seminarId)!) : undefined;
    const recipients = num(d.recipients);
    return !seminar || recipients === undefined || typeof d.field !== 'string' ? undefined : t('audit-text-seminar-changed', { title: seminar.title, field: d.field, recipients });
  },
  'survey.launched': (d, t, db) => {
    const recipients = num(d.recipients);
    const survey = num(d.surveyId) !== undefined ? getSurvey(db, num(d.surveyId)!) : undefined;
    return recipients === undefined || !survey ? undefined : t('audit-text-survey-launched', { title: survey.title, recipients });
  },
  'survey.closed': (d, t, db) => {
    const [answered, total] = [num(d.answered), num(d.total)];
    const title = roundTitle(db, d.roundId);
    return answered === undefined || total === undefined || title === undefined ? undefined : t('audit-text-survey-closed', { title, answered, total });
  },
  'survey.extended': (d, t, db) => {
    const title = roundTitle(db, d.roundId);
    const day = str(d.toDay);
    return title === undefined || !day ? undefined : t('audit-text-survey-extended', { title, until: day.split('-').reverse().join('.') });
  },
  'export.personal-data': (d, t) => {
    const text = t('audit-text-export', { what: str(d.what) ?? 'other' });
    const rows = num(d.rows);
    return rows === undefined ? text : `${text}, ${t('audit-text-export-rows', { count: rows })}`;
  },
  'roadmap.imported': (d, t) => {
    const [created, updated, removed] = [num(d.created), num(d.updated), num(d.removed)];
    return created === undefined || updated === undefined || removed === undefined ? undefined : t('audit-text-roadmap-imported', { created, updated, removed });
  },
  'person.forgotten': (_d, t) => t('audit-person-forgotten'),
  'backup.restored': (d, t) => {
    const replayed = num(d.erasuresReplayed);
    return replayed === undefined ? undefined : t('audit-text-backup-restored', { file: str(d.file) ?? '—', replayed });
  },
  'retention.applied': (d, t) => {
    const [rounds, people] = [num(d.rounds), num(d.people)];
    return rounds === undefined || people === undefined ? undefined : t('audit-text-retention-applied', { rounds, people });
  },
};

/** Where an act came from, when that is worth saying: the command line, an uploaded file. */
function origin(t: Translate, d: Details): string[] {
  const file = str(d.file);
  return [...(file ? [t('audit-text-file', { file })] : []), ...(d.via === 'cli' ? [t('audit-text-via-cli')] : [])];
}

const plainValue = (v: unknown) => (Array.isArray(v) ? v.join(', ') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));

/** The name of an entry's action, as the XLSX column «Что сделано» shows it. */
export function auditTitle(t: Translate, entry: AuditEntry): string {
  const key = `audit-${entry.action.replace('.', '-')}`;
  const title = t(key);
  return title === key ? t('audit-unknown', { action: entry.action }) : title;
}

/** The whole act in words, with its details. */
export function describeAudit(t: Translate, db: Db, entry: AuditEntry): string {
  const details = entry.details as Details;
  const describe = describers[entry.action];
  if (describe) {
    // backup.restored keeps its file in the main phrase already.
    const extra = entry.action === 'backup.restored' ? (details.via === 'cli' ? [t('audit-text-via-cli')] : []) : origin(t, details);
    const text = describe(details, t, db) ?? auditTitle(t, entry);
    return extra.length ? `${text} (${extra.join(', ')})` : text;
  }
  const listed = Object.entries(details).map(([k, v]) => `${k}: ${plainValue(v)}`);
  const title = auditTitle(t, entry);
  return listed.length ? `${title} (${listed.join('; ')})` : title;
}
