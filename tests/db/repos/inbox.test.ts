// The inbox hands the worker each chat's oldest update: one person with a
// long queue holds back nobody else, and a redelivered update is dropped.
import { describe, expect, it } from 'vitest';
import { nextPending, recordIncoming } from '../../../db/repos/inbox.js';
import type { StoredIncoming } from '../../../db/schema.js';
import { makeCore } from '../../helpers/core.js';

const update = (chatId: string, n: number): StoredIncoming => ({
  platform: 'telegram',
  updateId: `${chatId}:${n}`,
  chatId,
  sender: { id: chatId },
  event: { kind: 'text', text: `сообщение ${n}` },
});

describe('inbox', () => {
  it("gives every chat its turn, however long another chat's queue is", () => {
    const t = makeCore();
    const now = t.clock.now();
    for (let n = 0; n < 1000; n++) recordIncoming(t.db, update('111', n), now);
    recordIncoming(t.db, update('222', 0), now);
    const first = nextPending(t.db, new Set(), 10);
    expect(first.map((r) => [r.chatId, r.incoming?.updateId])).toEqual([
      ['111', '111:0'],
      ['222', '222:0'],
    ]);
    // While chat 111 is being handled, 222 is still offered.
    expect(nextPending(t.db, new Set(['telegram:111']), 1).map((r) => r.chatId)).toEqual(['222']);
    t.close();
  });

  it('drops a redelivered update', () => {
    const t = makeCore();
    expect(recordIncoming(t.db, update('111', 1), t.clock.now())).toBe(true);
    expect(recordIncoming(t.db, update('111', 1), t.clock.now())).toBe(false);
    t.close();
  });
});
