// Splits text pasted from Word (or saved as .txt) into rows of cells: one
// row per line, cells separated by tabs. Lines are kept as they are, empty
// ones included, so that row numbers are line numbers; mending rows that
// Word wrapped across lines is left to extractRoadmap, which knows the
// header's width.

export function rowsFromPastedText(text: string): string[][] {
  return text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\n|\r/)
    .map((line) => line.split('\t'));
}
