// Who may do what, checked in the core on every command and every button: a
// coordinator acts only within their municipality, a curator reads across the
// municipalities of their region, nobody else administers.
import type { Municipality } from '../../db/repos/org.js';
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
