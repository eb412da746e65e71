// Reads how the consultation was held: online ("онлайн", "в зуме",
// "по видеосвязи"), in person ("очно", "встреча"), a school visit ("выезд",
// "в школе") or by phone ("по телефону", "созвон"), each with the
// preposition people put before it.
import type { Recogniser } from './model.js';
import { matchAt, sticky } from './text.js';
import type { ConsultationFormat } from './types.js';

const FORMAT_PREFIX = '(?:(?:в|во|по|через|на|с)\\s+)?';
const FORMATS: [ConsultationFormat, RegExp][] = [
  [
    'online',
    sticky(
      `${FORMAT_PREFIX}(?:онлайн|он-лайн|online|дистанционн(?:о|ая|ый|ом)|дистант|zoom|зуме?|вебинар[еа]?|видеосвязи|видеосвязь|видеозвонок|видеоконференци[яи]|сферуме?|skype|скайп[еу]?)`,
    ),
  ],
  ['in_person', sticky(`${FORMAT_PREFIX}(?:очно|очная|очный|лично|личная\\s+встреча|встреча|встрече|встречались|вживую|офлайн|оффлайн|offline)`)],
  ['school_visit', sticky(`${FORMAT_PREFIX}(?:выезд(?:ом|е)?|выездная|визит(?:ом|е)?|посещени[ея])|в\\s+школ[еу]`)],
  ['phone', sticky(`${FORMAT_PREFIX}(?:телефону?|телефоном|телефонн\\p{L}*|звонок|созвон|созвонились|тел\\.?)`)],
];

export const format: Recogniser = (line, at) => {
  for (const [name, pattern] of FORMATS) {
    const match = matchAt(pattern, line.norm, at);
    if (match) return { end: at + match[0].length, found: { kind: 'format', format: name } };
  }
  return undefined;
};
