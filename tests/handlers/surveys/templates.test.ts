// The shipped templates: every file loads and passes the same checks as a
// coordinator's upload, and each template has the shape the programme asks
// for (anonymous feedback, bounded hours, short button labels).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_LABEL_LENGTH, type Question, type SurveyDefinition } from '../../../handlers/surveys/types.js';
import { readTemplate, templateByKey, templates, templatesFolder } from '../../../handlers/surveys/templates.js';

function template(key: string): SurveyDefinition {
  const found = templateByKey(key);
  if (!found) throw new Error(`no template ${key}`);
  return found;
}

function labels(question: Question): string[] {
  if (question.type === 'single' || question.type === 'multiple') return question.options.map((o) => o.label);
  if (question.type === 'scale') return [question.minLabel, question.maxLabel].filter((l): l is string => l !== undefined);
  return [];
}

const files = readdirSync(templatesFolder).filter((f) => f.endsWith('.yaml'));

describe('survey templates', () => {
  it.each(files)('%s loads and validates', (file) => {
    expect(() => readTemplate(join(templatesFolder, file))).not.toThrow();
  });

  it('ships every template the programme needs, ordered by key', () => {
    expect(templates().map((t) => t.key)).toEqual([
      'courses',
      'mentor-feedback',
      'monitoring-entry',
      'monitoring-final',
      'monitoring-intermediate',
      'seminar-feedback',
      'teacher-difficulties',
      'term-report',
      'tutor-feedback',
    ]);
  });

  it('keeps button labels within the VK limit and texts in Russian', () => {
    for (const survey of templates()) {
      for (const question of survey.questions) {
        for (const label of labels(question)) expect(label.length, `${survey.key}.${question.id}: ${label}`).toBeLessThanOrEqual(MAX_LABEL_LENGTH);
        expect(question.text, `${survey.key}.${question.id}`).toMatch(/[а-яё]/i);
      }
      expect(survey.title).toMatch(/[а-яё]/i);
    }
  });

  it('keeps feedback anonymous and school reports named', () => {
    for (const key of ['mentor-feedback', 'tutor-feedback', 'seminar-feedback', 'teacher-difficulties']) expect(template(key).anonymous, key).toBe(true);
    for (const key of ['term-report', 'monitoring-entry', 'monitoring-intermediate', 'monitoring-final']) {
      expect(template(key)).toMatchObject({ anonymous: false, level: 'school' });
    }
  });

  it('asks the term report for the three counts of pupils', () => {
    const numbers = template('term-report').questions.filter((q) => q.type === 'number');
    expect(numbers.map((q) => [q.id, q.type === 'number' && q.unit, q.type === 'number' && q.integer])).toEqual([
      ['pupils-total', 'pupils', true],
      ['missing-lessons', 'pupils', true],
      ['at-risk', 'pupils', true],
    ]);
  });

  it('bounds course hours to 1..500 and asks for them only after a yes', () => {
    const hours = template('courses').questions.find((q) => q.id === 'hours');
    expect(hours).toMatchObject({ type: 'number', min: 1, max: 500, integer: true, unit: 'hours', showIf: { question: 'took-courses', equals: true } });
  });

  it('rates mentors, tutors and seminars on a 1–5 scale with a comment', () => {
    for (const key of ['mentor-feedback', 'tutor-feedback', 'seminar-feedback']) {
      const types = template(key).questions.map((q) => q.type);
      expect(types.filter((t) => t === 'scale').length, key).toBeGreaterThanOrEqual(1);
      expect(types.at(-1), key).toBe('text');
      for (const q of template(key).questions) if (q.type === 'scale') expect([q.min, q.max]).toEqual([1, 5]);
    }
  });

  it('asks teachers about difficulties, confidence and in their own words', () => {
    const types = template('teacher-difficulties').questions.map((q) => q.type);
    expect(types).toEqual(expect.arrayContaining(['multiple', 'scale', 'text']));
  });

  it('returns copies, so one caller cannot change another\'s template', () => {
    const first = template('courses');
    first.title = 'испорчено';
    expect(template('courses').title).not.toBe('испорчено');
    expect(templateByKey('no-such-template')).toBeUndefined();
  });
});
