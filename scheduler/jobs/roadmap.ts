// Road-map reminders, in the municipality's time and outside quiet hours: 7
// days and 1 day before each deadline, on the day a question with "Выполнено"
// / "Перенести" / "Комментарий", and after a few days overdue a notice to the
// coordinators. Continuous items get a monthly check-in instead. Dedupe keys
// carry the due date, so a postponed deadline is reminded afresh and nothing
// is ever sent twice, whatever restarts in between.
import { DateTime } from 'luxon';
import { getMunicipality } from '../../db/repos/org.js';
import { peopleOf } from '../../db/repos/people.js';
import { pendingMilestones, type MilestoneRow, type Roadmap, type RoadmapItemRow } from '../../db/repos/roadmaps.js';
import type { Tx } from '../../db/client.js';
import type { Button } from '../../handlers/core/contract.js';
import { formatIsoDay } from '../../handlers/core/format.js';
import type { Translate } from '../../handlers/core/i18n.js';
import { notifyPerson } from '../../handlers/core/outbox.js';
import { commentAction, doneAction, dueOf, postponeAction } from '../../handlers/roadmap/progress.js';
import { responsiblePeople } from '../../handlers/roadmap/responsible.js';
import type { Job, JobDeps } from '../job.js';
import { outsideQuietHours } from '../../handlers/core/local-time.js';

export const OVERDUE_ESCALATION_DAYS = 3;

const at10 = (date: string, zone: string, plusDays = 0) =>
  DateTime.fromISO(date, { zone }).plus({ days: plusDays }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 }).toJSDate();

function buttons(t: Translate, m: MilestoneRow): Button[][] {
  return [
    [
      { kind: 'action', label: t('roadmap-button-done'), data: doneAction.encode(m.id) },
      { kind: 'action', label: t('roadmap-button-postpone'), data: postponeAction.encode(m.id) },
    ],
    [{ kind: 'action', label: t('roadmap-button-comment'), data: commentAction.encode(m.id) }],
  ];
}

interface Due {
  kind: string;
  key: string;
  to: 'responsible' | 'coordinators';
  message: (t: Translate) => { text: string; buttons?: Button[][] };
}

/** What is due for one milestone at `now`: at most one reminder to the responsible, and the escalation. */
function dueMessages(m: MilestoneRow, item: RoadmapItemRow, zone: string, now: Date): Due[] {
  const due = dueOf(m);
  const title = `${item.number} ${item.title}`.slice(0, 300);
  const when = formatIsoDay(due);
  const local = DateTime.fromJSDate(now, { zone });
  if (item.schedule.kind === 'continuous') {
    const monthStart = local.startOf('month').set({ hour: 10 });
    const inRange = (!m.from || local.toISODate()! >= m.from) && local.toISODate()! <= due;
    if (!inRange || now < monthStart.toJSDate()) return [];
    const month = local.toFormat('yyyy-MM');
    return [{ kind: 'month', key: `ms:${m.id}:month:${month}`, to: 'responsible', message: (t) => ({ text: t('roadmap-checkin', { title }), buttons: buttons(t, m) }) }];
  }
  const out: Due[] = [];
  if (now >= at10(due, zone)) {
    out.push({ kind: 'due', key: `ms:${m.id}:due:${due}`, to: 'responsible', message: (t) => ({ text: t('roadmap-due-today', { title, when }), buttons: buttons(t, m) }) });
  } else if (now >= at10(due, zone, -1)) {
    out.push({ kind: 'd1', key: `ms:${m.id}:d1:${due}`, to: 'responsible', message: (t) => ({ text: t('roadmap-due-tomorrow', { title, when }), buttons: buttons(t, m) }) });
  } else if (now >= at10(due, zone, -7)) {
    out.push({ kind: 'd7', key: `ms:${m.id}:d7:${due}`, to: 'responsible', message: (t) => ({ text: t('roadmap-due-week', { title, when }) }) });
  }
  if (now >= at10(due, zone, OVERDUE_ESCALATION_DAYS)) {
    out.push({ kind: 'overdue', key: `ms:${m.id}:overdue:${due}`, to: 'coordinators', message: (t) => ({ text: t('roadmap-overdue', { title, when, responsible: item.responsibleText || '—' }) }) });
  }
  return out;
}

function send(tx: Tx, deps: JobDeps, roadmap: Roadmap, item: RoadmapItemRow, d: Due, notBefore: Date): number {
  const recipients =
    d.to === 'coordinators'
      ? peopleOf(tx, roadmap.municipalityId, { role: 'coordinator' }).map((p) => p.id)
      : responsiblePeople(tx, roadmap.municipalityId, roadmap.schoolId, item.responsibleText);
  let queued = 0;
  for (const personId of recipients) {
    if (notifyPerson(tx, deps.i18n, personId, d.message, { dedupeKey: `${d.key}:${personId}`, batch: `roadmap:${roadmap.id}`, notBefore })) queued++;
  }
  return queued;
}

export const roadmapReminders: Job = {
  name: 'roadmap-reminders',
  run(deps, now) {
    let queued = 0;
    for (const { milestone, item, roadmap } of pendingMilestones(deps.db)) {
      const zone = getMunicipality(deps.db, roadmap.municipalityId)?.timezone ?? deps.settings.defaultTimezone;
      const due = dueMessages(milestone, item, zone, now);
      if (due.length === 0) continue;
      const notBefore = outsideQuietHours(now, zone, deps.settings.quietHours);
      queued += deps.db.transaction((tx) => due.reduce((n, d) => n + send(tx, deps, roadmap, item, d, notBefore), 0));
    }
    if (queued > 0) deps.wakeOutbox();
  },
};
