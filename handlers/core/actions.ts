// The typed codec for button actions. An action encodes as `name:arg:arg`,
// fits Telegram's 64-byte callback data (and VK's payload), and is validated
// with zod on decode. An action is a request, never a permission: handlers
// still check who may do what.
import { z } from 'zod';

export const MAX_ACTION_BYTES = 64;
const SEPARATOR = ':';

/** Action arguments are small scalars: ids, enums, short codes. */
export type ActionArg = string | number;
type ArgSchema = z.ZodType<ActionArg, unknown>;

export interface ActionDef<A extends readonly ActionArg[]> {
  readonly name: string;
  encode(...args: A): string;
  /** Validates raw string arguments; null when they do not fit. */
  parse(raw: readonly string[]): A | null;
}

const names = new Set<string>();

/** Every action name defined so far (all of them once the handlers are loaded), for the fuzzing to forge presses of. */
export function definedActionNames(): string[] {
  return [...names].sort();
}

/** Integer id argument. */
export const idArg = z.string().regex(/^\d{1,15}$/).transform(Number);
/** A short word argument (codes, enum values). */
export const wordArg = z.string().regex(/^[\w.-]{1,32}$/u);

export function defineAction<S extends readonly ArgSchema[]>(
  name: string,
  ...schemas: S
): ActionDef<{ [K in keyof S]: z.output<S[K]> }> {
  if (!/^[a-z][a-z0-9-]{0,11}$/.test(name)) throw new Error(`bad action name ${name}`);
  if (names.has(name)) throw new Error(`action ${name} is defined twice`);
  names.add(name);
  type A = { [K in keyof S]: z.output<S[K]> };
  return {
    name,
    encode(...args: A): string {
      const parts = (args as readonly ActionArg[]).map(String);
      if (parts.some((p) => p.includes(SEPARATOR))) throw new Error(`action ${name}: separator in argument`);
      const data = [name, ...parts].join(SEPARATOR);
      if (Buffer.byteLength(data, 'utf8') > MAX_ACTION_BYTES) throw new Error(`action ${name}: ${data} is over 64 bytes`);
      return data;
    },
    parse(raw: readonly string[]): A | null {
      if (raw.length !== schemas.length) return null;
      const out: ActionArg[] = [];
      for (const [i, schema] of schemas.entries()) {
        const result = schema.safeParse(raw[i]);
        if (!result.success) return null;
        out.push(result.data);
      }
      return out as unknown as A;
    },
  };
}

const rawAction = z
  .string()
  .min(1)
  .refine((s) => Buffer.byteLength(s, 'utf8') <= MAX_ACTION_BYTES)
  .transform((s) => s.split(SEPARATOR))
  .pipe(z.tuple([z.string().regex(/^[a-z][a-z0-9-]{0,11}$/)], z.string().max(64)));

/** Splits raw callback data into a name and raw arguments; null for anything malformed. */
export function splitAction(data: unknown): { name: string; args: string[] } | null {
  const result = rawAction.safeParse(data);
  if (!result.success) return null;
  const [name, ...args] = result.data;
  return { name, args };
}
