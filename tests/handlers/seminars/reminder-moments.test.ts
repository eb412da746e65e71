// When a seminar's reminders and its one nudge are due: at each chosen lead,
// never one whose moment had passed when the time was set, only the latest
// after a pause (no burst), and the nudge two days before, or at the earliest
// lead still ahead, never within two hours of the start.
import { describe, expect, it } from 'vitest';
import type { Seminar } from '../../../db/repos/seminars.js';
import { dueLead, nudgeDue } from '../../../handlers/seminars/reminders.js';

const START = Date.parse('2026-12-10T12:00:00Z');
const HOUR = 3600_000;
const at = (hoursBefore: number) => new Date(START - hoursBefore * HOUR);
const seminar = (reminderLeads: number[]) => ({ startsAt: new Date(START), reminderLeads }) as Seminar;

describe('reminder leads', () => {
  it('is due at each lead chosen, from its moment until the next one', () => {
    const s = seminar([1440, 180, 15]);
    expect(dueLead(s, at(25), 0)).toBeUndefined();
    expect(dueLead(s, at(24), 0)).toBe(1440);
    expect(dueLead(s, at(4), 0)).toBe(1440);
    expect(dueLead(s, at(3), 0)).toBe(180);
    expect(dueLead(s, at(0.25), 0)).toBe(15);
    expect(dueLead(s, at(0), 0)).toBeUndefined();
  });

  it('skips a lead already passed when the time was set, and after a pause only the latest goes', () => {
    const s = seminar([1440, 60]);
    const since = at(10).getTime(); // announced (or moved) ten hours ahead
    expect(dueLead(s, at(9), since)).toBeUndefined();
    expect(dueLead(s, at(1), since)).toBe(60);
    // Down from a day and a half before until half an hour before: the hour's, not the day's as well.
    expect(dueLead(s, at(0.5), 0)).toBe(60);
  });

  it('with no leads chosen, nothing is ever due', () => {
    expect(dueLead(seminar([]), at(0.5), 0)).toBeUndefined();
  });
});

describe('the nudge', () => {
  it('goes two days before when announced earlier', () => {
    const s = seminar([1440, 60]);
    expect(nudgeDue(s, at(49), 0)).toBe(false);
    expect(nudgeDue(s, at(48), 0)).toBe(true);
  });

  it('goes at the earliest lead still ahead when announced later, never within two hours of the start', () => {
    const s = seminar([1440, 60]);
    const since = at(30).getTime();
    expect(nudgeDue(s, at(29), since)).toBe(false);
    expect(nudgeDue(s, at(24), since)).toBe(true);
    expect(nudgeDue(s, at(1.5), 0)).toBe(false);
    // Announced five hours ahead with the day's and the hour's leads: only the hour's is ahead, too close to nudge.
    expect(nudgeDue(s, at(1), at(5).getTime())).toBe(false);
  });
});
