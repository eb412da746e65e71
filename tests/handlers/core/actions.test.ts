import { describe, expect, it } from 'vitest';
import { defineAction, idArg, splitAction, wordArg } from '../../../handlers/core/actions.js';

describe('action codec', () => {
  const assign = defineAction('t-assign', idArg, idArg, wordArg);

  it('round-trips typed arguments through a short string', () => {
    const data = assign.encode(12, 345, 'math');
    expect(data).toBe('t-assign:12:345:math');
    const raw = splitAction(data);
    expect(raw?.name).toBe('t-assign');
    expect(assign.parse(raw?.args ?? [])).toEqual([12, 345, 'math']);
  });

  it('refuses to build data over 64 bytes', () => {
    const long = defineAction('t-long', wordArg, wordArg, wordArg);
    expect(() => long.encode('a'.repeat(30), 'b'.repeat(30), 'c')).toThrow(/64 bytes/);
  });

  it('rejects forged or malformed data on decode', () => {
    expect(splitAction('')).toBeNull();
    expect(splitAction('x'.repeat(65))).toBeNull();
    expect(splitAction('DROP TABLE')).toBeNull();
    expect(splitAction({ a: 1 })).toBeNull();
    expect(assign.parse(['1', '2'])).toBeNull();
    expect(assign.parse(['1', '-2', 'math'])).toBeNull();
    expect(assign.parse(['1', '2', 'bad word'])).toBeNull();
    expect(assign.parse(['1e3', '2', 'math'])).toBeNull();
  });

  it('will not define the same action twice', () => {
    expect(() => defineAction('t-assign', idArg)).toThrow(/twice/);
  });
});
