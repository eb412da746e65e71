// Who is responsible for an item. The free text ("УОиМП", "МКУ ЦИМО,
// руководители ОО", "Рабочая группа, ШНОР") is split into bodies; each body
// means the coordinators, the admins of the supported schools, the admins of
// every school, named people, or nobody to remind. Opora suggests a meaning;
// the coordinator confirms it once per municipality.
import { aliasesOf } from '../../db/repos/roadmaps.js';
import { schoolsOf, isSupported } from '../../db/repos/org.js';
import { peopleOf } from '../../db/repos/people.js';
import type { DbOrTx } from '../../db/client.js';
import type { ResponsibleTarget } from '../../db/schema.js';
import { normalizeRu } from '../core/text.js';

/** The bodies named in a responsible cell, normalised: "МКУ ЦИМО, руководители ОО" → ["мку цимо", "руководители оо"]. */
export function responsibleBodies(text: string): string[] {
  return text
    .split(/[,;\n]+/)
    .map((part) => normalizeRu(part).replace(/\s+/g, ' ').replace(/[.«»"]/g, '').trim())
    .filter((part) => part.length > 1);
}

// JavaScript's \w and \b know only Latin letters, so Russian words get their
// own: W is a letter of a word, and a whole abbreviation («ОО», «УО») stands
// between non-letters.
const W = '[а-яa-z0-9]';
const word = (abbr: string) => `(?:^|[^а-яa-z0-9])${abbr}(?:$|[^а-яa-z0-9])`;
const SUPPORTED = new RegExp(`шнор|шнсу|шнро|снор|низк${W}* результат`);
const ALL_ADMINS = new RegExp(`руководител${W}* (оо|ммо|образовательн|школ)|директор|школ|${word('оо')}`);
const COORDINATORS = new RegExp(`управлени|уоимп|${word('уо')}|отдел образования|цимо|умц|имц|координатор|рабоч${W}* групп|методическ`);

/** Opora's guess for a body before the coordinator confirms. */
export function suggestTarget(body: string): ResponsibleTarget {
  if (SUPPORTED.test(body)) return { kind: 'supported-admins' };
  if (ALL_ADMINS.test(body)) return { kind: 'all-admins' };
  if (COORDINATORS.test(body)) return { kind: 'coordinators' };
  return { kind: 'nobody' };
}

/** The meaning of every body of a municipality's road map: confirmed, or suggested. */
export function meaningOf(db: DbOrTx, municipalityId: number, body: string): { target: ResponsibleTarget; confirmed: boolean } {
  return aliasesOf(db, municipalityId).get(body) ?? { target: suggestTarget(body), confirmed: false };
}

/** The people to remind for an item; a school's own road map belongs to that school's admins. */
export function responsiblePeople(db: DbOrTx, municipalityId: number, schoolId: number | null, responsibleText: string): number[] {
  if (schoolId !== null) return peopleOf(db, municipalityId, { role: 'school_admin', schoolId }).map((p) => p.id);
  const ids = new Set<number>();
  const aliases = aliasesOf(db, municipalityId);
  for (const body of responsibleBodies(responsibleText)) {
    const target = aliases.get(body)?.target ?? suggestTarget(body);
    for (const id of peopleFor(db, municipalityId, target)) ids.add(id);
  }
  return [...ids];
}

function peopleFor(db: DbOrTx, municipalityId: number, target: ResponsibleTarget): number[] {
  switch (target.kind) {
    case 'coordinators':
      return peopleOf(db, municipalityId, { role: 'coordinator' }).map((p) => p.id);
    case 'supported-admins': {
      const supported = new Set(schoolsOf(db, municipalityId).filter(isSupported).map((s) => s.id));
      return peopleOf(db, municipalityId, { role: 'school_admin' })
        .filter((p) => p.schoolId !== null && supported.has(p.schoolId))
        .map((p) => p.id);
    }
    case 'all-admins':
      return peopleOf(db, municipalityId, { role: 'school_admin' }).map((p) => p.id);
    case 'people':
      return target.personIds ?? [];
    case 'nobody':
      return [];
  }
}
