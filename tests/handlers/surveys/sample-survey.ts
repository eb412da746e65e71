// A small survey with one question of every type and a chain of show-if
// rules, shared by the survey tests so each does not rebuild its own.
import { parseSurveyDefinition } from '../../../handlers/surveys/definition.js';
import type { SurveyDefinition } from '../../../handlers/surveys/types.js';

export const sampleInput = {
  key: 'sample',
  title: 'Пробный опрос',
  anonymous: false,
  level: 'person',
  questions: [
    { id: 'took-courses', type: 'yesno', text: 'Проходили курсы?' },
    { id: 'hours', type: 'number', text: 'Сколько часов?', min: 1, max: 500, integer: true, unit: 'hours', showIf: { question: 'took-courses', equals: true } },
    { id: 'long-course', type: 'text', text: 'Расскажите о длинном курсе', required: false, showIf: { question: 'hours', gt: 72 } },
    {
      id: 'organiser',
      type: 'single',
      text: 'Кто проводил?',
      showIf: { question: 'took-courses', equals: true },
      options: [
        { value: 'iro', label: 'Институт развития образования' },
        { value: 'other', label: 'Другая организация' },
      ],
    },
    { id: 'organiser-name', type: 'text', text: 'Какая?', maxLength: 20, showIf: { question: 'organiser', equals: 'other' } },
    {
      id: 'topics',
      type: 'multiple',
      text: 'Темы',
      min: 1,
      max: 2,
      options: [
        { value: 'literacy', label: 'Функциональная грамотность' },
        { value: 'exams', label: 'ОГЭ и ЕГЭ' },
        { value: 'digital', label: 'Цифровые ресурсы' },
      ],
    },
    { id: 'confidence', type: 'scale', text: 'Уверенность', min: 1, max: 5, minLabel: 'Низкая', maxLabel: 'Высокая' },
    { id: 'low-confidence', type: 'text', text: 'Что мешает?', required: false, showIf: { question: 'confidence', in: [1, 2] } },
    { id: 'knowledge', type: 'number', text: 'Качество знаний', min: 0, max: 100, unit: 'percent', required: false },
    { id: 'finished', type: 'date', text: 'Когда закончили?', required: false },
  ],
};

export function sampleSurvey(overrides: Partial<SurveyDefinition> = {}): SurveyDefinition {
  const parsed = parseSurveyDefinition({ ...sampleInput, ...overrides });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.survey;
}

export function questionOf(survey: SurveyDefinition, id: string) {
  const question = survey.questions.find((q) => q.id === id);
  if (!question) throw new Error(`no question ${id}`);
  return question;
}
