// Who may do what, checked in the core on every command and every button: a
// coordinator acts only within their municipality, a curator reads across the
// municipalities of their region, nobody else administers.
import { getMunicipality, municipalitiesInRegions, type Municipality } from '../../db/repos/org.js';
import type { Person } from '../../db/repos/people.js';
import type { RoleName } from '../../db/schema.js';
import type { Ctx } from './context.js';
import { UserError, notAllowed } from './errors.js';

export function hasRole(person: Person | undefined, ...roles: RoleName[]): boolean {
  return person?.roles.some((g) => roles.includes(g.role)) ?? false;
}

/** The municipalities a person coordinates. */
export function coordinatedMunicipalities(person: Person | undefined): number[] {
  return (person?.roles ?? []).flatMap((g) => (g.role === 'coordinator' && g.municipalityId !== null ? [g.municipalityId] : []));
}

export function mayAdminister(person: Person | undefined, municipalityId: number): boolean {
  return coordinatedMunicipalities(person).includes(municipalityId);
}

export function mayRead(person: Person | undefined, municipality: Pick<Municipality, 'id' | 'regionId'>): boolean {
  if (mayAdminister(person, municipality.id)) return true;
  return (person?.roles ?? []).some((g) => g.role === 'curator' && g.regionId === municipality.regionId);
}

/** The municipalities whose reports a person may read: those they coordinate, and for a curator every one in their region. */
export function readableMunicipalities(ctx: Pick<Ctx, 'deps'>, person: Person | undefined): Municipality[] {
  const curated = (person?.roles ?? []).flatMap((g) => (g.role === 'curator' && g.regionId !== null ? [g.regionId] : []));
  const coordinated = coordinatedMunicipalities(person).flatMap((id) => getMunicipality(ctx.deps.db, id) ?? []);
  const all = [...coordinated, ...municipalitiesInRegions(ctx.deps.db, curated)];
  return all.filter((m, i) => all.findIndex((o) => o.id === m.id) === i);
}

/** Re-checks the right to read a municipality's reports, for a button that names it. */
export function requireReaderOf(ctx: Ctx, municipalityId: number): Person {
  const person = requirePerson(ctx);
  const municipality = getMunicipality(ctx.deps.db, municipalityId);
  if (!municipality || !mayRead(person, municipality)) throw notAllowed();
  return person;
}

/** The registered person behind the update, or a polite refusal. */
export function requirePerson(ctx: Ctx): Person {
  if (!ctx.person) throw new UserError('not-registered', 'error-not-registered');
  return ctx.person;
}

/** The coordinator and the municipality they act in, or a polite refusal. */
export function requireCoordinator(ctx: Ctx): { person: Person; municipalityId: number } {
  const person = requirePerson(ctx);
  const [municipalityId] = coordinatedMunicipalities(person);
  if (municipalityId === undefined) throw notAllowed();
  return { person, municipalityId };
}

/** Re-checks a coordinator's right over the municipality a button or dialog refers to. */
export function requireAdminOf(ctx: Ctx, municipalityId: number): Person {
  const person = requirePerson(ctx);
  if (!mayAdminister(person, municipalityId)) throw notAllowed();
  return person;
}

/** For /help: show a command to people holding one of these roles. */
export const visibleTo =
  (...roles: RoleName[]) =>
  (ctx: Ctx): boolean =>
    hasRole(ctx.person, ...roles);

export const registered = (ctx: Ctx): boolean => ctx.person !== undefined;
