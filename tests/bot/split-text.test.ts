import { describe, expect, it } from 'vitest';
import { splitText } from '../../bot/split-text.js';

describe('splitText', () => {
  it('keeps short text whole', () => {
    expect(splitText('привет', 4096)).toEqual(['привет']);
  });

  it('splits 10,000 characters into pieces under the limit without losing words', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `слово${i}`);
    const text = words.join(' ');
    const parts = splitText(text, 4096);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
    expect(parts.join(' ').split(' ')).toEqual(words);
  });

  it('prefers line breaks and never cuts an emoji in half', () => {
    const parts = splitText(`${'a'.repeat(3000)}\n${'b'.repeat(3000)}`, 4096);
    expect(parts).toEqual(['a'.repeat(3000), 'b'.repeat(3000)]);
    const emoji = '😀'.repeat(3000);
    const pieces = splitText(emoji, 4095);
    expect(pieces.join('')).toBe(emoji);
    expect(pieces.every((p) => !/[\ud800-\udbff]$/.test(p))).toBe(true);
  });
});
