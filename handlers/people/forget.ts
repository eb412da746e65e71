// Withdrawing consent: /forget erases the person's name and messenger
// accounts after a confirmation, ends their assignments, keeps anonymous
// counts, and tells the coordinators that a place is now vacant.
import { purgeErasedPages } from '../../db/client.js';
import { audit } from '../../db/repos/audit.js';
import { getMunicipality, getSchool } from '../../db/repos/org.js';
import { erasePerson, peopleOf } from '../../db/repos/people.js';
import { localDate } from '../core/local-time.js';
import { requirePerson } from '../core/access.js';
import type { DialogDef } from '../core/dialog.js';
import { notifyPerson } from '../core/outbox.js';

export type ForgetData = Record<string, never>;

export const forgetDialog: DialogDef<ForgetData> = {
  name: 'forget',
  version: 1,
  first: 'confirm',
  steps: {
    confirm: {
      prompt: (ctx) => ({
        text: ctx.t('forget-confirm'),
        choices: [[{ label: ctx.t('forget-yes'), value: 'yes' }], [{ label: ctx.t('forget-no'), value: 'no' }]],
      }),
      accept: (ctx, _data, answer) => {
        if (answer.kind !== 'choice' || answer.value !== 'yes') return { done: { text: ctx.t('forget-kept') } };
        const person = requirePerson(ctx);
        const { db, clock, i18n, settings } = ctx.deps;
        const now = clock.now();
        const municipality = person.municipalityId !== null ? getMunicipality(db, person.municipalityId) : undefined;
        const today = localDate(now, municipality?.timezone ?? settings.defaultTimezone);
        const school = person.schoolId !== null ? getSchool(db, person.schoolId) : undefined;
        db.transaction((tx) => {
          erasePerson(tx, person.id, now, today);
          audit(tx, { at: now, actorId: person.id, municipalityId: municipality?.id ?? null, action: 'person.forgotten', details: { personId: person.id } });
          if (!municipality) return;
          for (const coordinator of peopleOf(tx, municipality.id, { role: 'coordinator' })) {
            if (coordinator.id === person.id) continue;
            notifyPerson(
              tx,
              i18n,
              coordinator.id,
              (t) => ({
                text: t('forget-vacant', {
                  roles: person.roles.map((r) => t(`role-${r.role}`)).join(', '),
                  school: school?.shortName ?? municipality.name,
                }),
              }),
              { dedupeKey: `vacant:${person.id}:${coordinator.id}`, notBefore: now },
            );
          }
        });
        purgeErasedPages(db);
        ctx.deps.wakeOutbox();
        return { done: { text: ctx.t('forget-done') } };
      },
    },
  },
};
