// The calendar file's line rules (RFC 5545): escaped TEXT, lines folded at 75
// octets without splitting a Cyrillic letter, CRLF endings, a stable UID.
import { describe, expect, it } from 'vitest';
import type { Seminar } from '../../../db/repos/seminars.js';
import { escapeText, foldLine, seminarCalendar } from '../../../handlers/seminars/ics.js';

const seminar: Seminar = {
  id: 7,
  municipalityId: 1,
  seriesId: null,
  title: 'Оценивание; критерии, рубрики',
  description: 'Строка первая\nи вторая \\ с обратной чертой',
  startsAt: new Date('2026-12-01T12:00:00Z'),
  durationMinutes: 90,
  format: 'in_person',
  place: 'Школа № 3, актовый зал',
  capacity: null,
  audience: {},
  attendanceCode: 'ABCDEF',
  urgent: false,
  reminderLeads: [1440, 60],
  createdBy: null,
  cancelledAt: null,
  createdAt: new Date(0),
};

describe('seminar calendar file', () => {
  it('escapes text values', () => {
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
  });

  it('folds at 75 octets, never inside a character', () => {
    const line = `SUMMARY:${'я'.repeat(100)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(foldLine('SHORT:ok')).toBe('SHORT:ok');
  });

  it('writes a published event and its cancellation with the same UID and a higher SEQUENCE', () => {
    const now = new Date('2026-11-20T09:00:00Z');
    const published = seminarCalendar(seminar, 0, 'PUBLISH', now);
    const cancelled = seminarCalendar(seminar, 2, 'CANCEL', now);
    expect(published.endsWith('\r\n')).toBe(true);
    expect(published.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(published).toContain('UID:seminar-7@opora\r\n');
    expect(published).toContain('DTSTART:20261201T120000Z\r\nDTEND:20261201T133000Z\r\n');
    expect(published).toContain('SUMMARY:Оценивание\\; критерии\\, рубрики\r\n');
    expect(published).toContain('LOCATION:Школа № 3\\, актовый зал\r\n');
    expect(published).not.toContain('URL:');
    expect(published).toContain('METHOD:PUBLISH\r\n');
    expect(cancelled).toContain('METHOD:CANCEL\r\n');
    expect(cancelled).toContain('STATUS:CANCELLED\r\n');
    expect(cancelled).toContain('SEQUENCE:2\r\n');
    expect(cancelled).toContain('UID:seminar-7@opora\r\n');
  });
});
