// Reading the time a coordinator sets for a broadcast, in the municipality's zone.
import { describe, expect, it } from 'vitest';
import { readSendTime } from '../../../handlers/broadcasts/when.js';

const ZONE = 'Asia/Yakutsk'; // UTC+9
const NOW = new Date('2026-11-24T03:00:00Z'); // 12:00 on 24.11 in Yakutsk
const at = (iso: string) => ({ at: new Date(iso) });

describe('readSendTime', () => {
  it('reads a day and a time in local time', () => {
    expect(readSendTime('25.12 09:00', NOW, ZONE)).toEqual(at('2026-12-25T00:00:00Z'));
    expect(readSendTime('25.12.2026 9:00', NOW, ZONE)).toEqual(at('2026-12-25T00:00:00Z'));
    expect(readSendTime('завтра 8:30', NOW, ZONE)).toEqual(at('2026-11-24T23:30:00Z'));
    expect(readSendTime('Завтра в 8.30', NOW, ZONE)).toEqual(at('2026-11-24T23:30:00Z'));
    expect(readSendTime('сегодня 16:00', NOW, ZONE)).toEqual(at('2026-11-24T07:00:00Z'));
    expect(readSendTime('16:00', NOW, ZONE)).toEqual(at('2026-11-24T07:00:00Z'));
  });

  it('takes a long-past day without a year for next year, and refuses a recent one as past', () => {
    expect(readSendTime('10.01 09:00', NOW, ZONE)).toEqual(at('2027-01-10T00:00:00Z'));
    expect(readSendTime('20.11 09:00', NOW, ZONE)).toEqual({ error: 'past' });
    expect(readSendTime('сегодня 11:59', NOW, ZONE)).toEqual({ error: 'past' });
    expect(readSendTime('20.11.2026 09:00', NOW, ZONE)).toEqual({ error: 'past' });
  });

  it('says what it cannot read', () => {
    for (const text of ['завтра', '31.02 10:00', '25.12 25:00', 'когда-нибудь 10:00', 'в пятницу утром']) expect(readSendTime(text, NOW, ZONE)).toEqual({ error: 'unreadable' });
  });
});
