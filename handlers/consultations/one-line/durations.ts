// Reads how long the consultation took: "45 мин", "1,5 ч", "2 ч 30 мин",
// "90'", "полчаса", "полтора часа", "два часа". A duration outside sensible
// bounds is read but reported as unread rather than stored. The hour and
// minute words are shared with the school reader, which must not take
// "ОШ 45 мин" for school number 45.
import { invalid, type Hit, type Recogniser } from './model.js';
import { matchAt, sticky } from './text.js';

const MIN_MINUTES = 5;
const MAX_MINUTES = 600;

export const HOUR_UNIT = '(?:ч|час|часа|часов)\\.?';
export const MINUTE_UNIT = '(?:м|мин|минут|минуты|минута|минуту)\\.?';
const HOURS_AND_MINUTES = sticky(`(\\d{1,2})\\s*${HOUR_UNIT}\\s*(\\d{1,2})\\s*${MINUTE_UNIT}`);
const HOURS = sticky(`(\\d{1,2}(?:[.,]\\d{1,2})?)\\s*${HOUR_UNIT}`);
const MINUTES = sticky(`(\\d{1,4})\\s*(?:${MINUTE_UNIT}|['’′])`);
const WORD_DURATIONS: [RegExp, number][] = [
  [sticky('пол\\s*часа'), 30],
  [sticky('полтора\\s*(?:часа|ч\\.?)'), 90],
  [sticky('(?:один\\s+)?час'), 60],
  [sticky('два\\s+часа'), 120],
  [sticky('три\\s+часа'), 180],
  [sticky('четыре\\s+часа'), 240],
];

function minutesHit(minutes: number, end: number): Hit {
  return minutes >= MIN_MINUTES && minutes <= MAX_MINUTES ? { end, found: { kind: 'minutes', minutes } } : invalid(end);
}

function numericDuration(norm: string, at: number): Hit | undefined {
  const both = matchAt(HOURS_AND_MINUTES, norm, at);
  if (both) return minutesHit(Number(both[1]) * 60 + Number(both[2]), at + both[0].length);
  const hours = matchAt(HOURS, norm, at);
  if (hours) return minutesHit(Math.round(Number((hours[1] ?? '').replace(',', '.')) * 60), at + hours[0].length);
  const minutes = matchAt(MINUTES, norm, at);
  return minutes ? minutesHit(Number(minutes[1]), at + minutes[0].length) : undefined;
}

export const duration: Recogniser = (line, at) => {
  const numeric = numericDuration(line.norm, at);
  if (numeric) return numeric;
  for (const [pattern, minutes] of WORD_DURATIONS) {
    const match = matchAt(pattern, line.norm, at);
    if (match) return minutesHit(minutes, at + match[0].length);
  }
  return undefined;
};
