// Cleans one table cell of what Word, Excel and web forms leave behind:
// <br>, <p> and other tags, &nbsp; and other entities, non-breaking spaces,
// line breaks inside the cell. Also knows what an item number and a section
// heading look like.

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  laquo: '«',
  raquo: '»',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  numero: '№',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (all, name: string) => {
    if (!name.startsWith('#')) return NAMED_ENTITIES[name.toLowerCase()] ?? all;
    const code = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/** The cell's text on one line: tags and entities resolved, whitespace collapsed. */
export function cleanCell(text: string): string {
  return decodeEntities(text.replace(/<\/?[a-z][a-z0-9]*(?:\s[^>]*)?\/?>/gi, ' '))
    .replace(/[\s\u00a0\u202f\u200b\ufeff]+/g, ' ')
    .trim();
}

/** "1", "1.6.", "2.10", "17)", "3.1а". */
const ITEM_NUMBER = /^(\d{1,3}(?:\.\d{1,3})*)[.)]?([а-яa-z]?)$/i;
/** "1.1 Создание рабочей группы" written in the number cell. */
const NUMBER_WITH_TITLE = /^(\d{1,3}(?:\.\d{1,3})*)[.)]?\s+(\S.*)$/;
/** "I", "IV." – Roman numbers mark sections. */
const ROMAN_NUMBER = /^([IVX]{1,4})[.)]?$/;
/** "1.Организационно-…", "2. Информационное…", "Раздел 3. …", "Блок 2. …", "IV. …". */
const SECTION_HEADING = /^(?:(?:раздел|блок|часть)\s+)?((?:\d{1,2}\.)*\d{1,2}|[IVX]{1,4})(?:\s*[.):]\s*|\s+)(?=[«"A-Za-zА-Яа-яЁё])/i;

export function itemNumber(text: string): string | undefined {
  const match = text.match(ITEM_NUMBER);
  return match ? `${match[1]}${match[2] ?? ''}` : undefined;
}

/** "1000", "4999.", "1024.2": long plans run past 999. */
const LONG_ITEM_NUMBER = /^(\d{1,5}(?:\.\d{1,3})*)[.)]?([а-яa-z]?)$/i;

/**
 * An item number in the table's number column, where four and five digits
 * are item numbers too; anywhere else "2025" is more likely a year, so
 * itemNumber keeps to three.
 */
export function numberCell(text: string): string | undefined {
  const match = text.match(LONG_ITEM_NUMBER);
  return match ? `${match[1]}${match[2] ?? ''}` : undefined;
}

export function splitNumberAndTitle(text: string): { number: string; title: string } | undefined {
  const match = text.match(NUMBER_WITH_TITLE);
  return match?.[1] && match[2] ? { number: match[1], title: match[2] } : undefined;
}

export function isRomanNumber(text: string): boolean {
  return ROMAN_NUMBER.test(text);
}

/** A heading's title without its number, when the text reads as a numbered heading. */
export function sectionHeading(text: string): string | undefined {
  const match = text.match(SECTION_HEADING);
  return match ? text.slice(match[0].length).trim() : undefined;
}

/** A row such as "1 2 3 4 5" that numbers the columns under the header. */
export function isColumnNumbering(cells: string[]): boolean {
  const filled = cells.filter((c) => c !== '');
  return filled.length >= 3 && filled.every((c, i) => c === String(i + 1));
}
