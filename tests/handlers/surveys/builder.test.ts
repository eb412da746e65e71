// Building a survey step by step in chat, storing it, and launching it.
import { afterEach, describe, expect, it } from 'vitest';
import { surveyRounds, surveys } from '../../../db/schema.js';
import { buttonData, command, from, makeCore, press, text, type TestCore } from '../../helpers/core.js';
import { seedMunicipality } from '../../helpers/seed.js';

let t: TestCore | undefined;
afterEach(() => t?.close());

describe('survey builder', () => {
  it('builds, validates, stores and launches a survey', async () => {
    t = makeCore();
    seedMunicipality(t.db, {
      platform: 'telegram',
      schools: [{ short: 'Школа А', statuses: ['low_results'] }],
      people: [
        { name: 'Координатова Елена Павловна', role: 'coordinator', user: 5001 },
        { name: 'Учителева Анна Ивановна', role: 'teacher', school: 'Школа А', user: 5002 },
      ],
    });
    const c = t.core;
    let last = await c.handle(from('5001', command('newsurvey')));
    const say = async (value: string) => (last = await c.handle(from('5001', text(value))));
    const tap = async (label: string | RegExp) => (last = await c.handle(from('5001', press(buttonData(last.replies, label)))));
    const lastText = () => last.replies.at(-1)?.text ?? '';

    await say('Мотивация учеников');
    await tap('Анонимные');
    await tap('Каждый человек за себя');
    await tap('Шкала');
    await say('Насколько ученики вовлечены на уроках?');
    await say('5-1');
    expect(last.replies[0]?.text).toMatch(/шкалу как «от-до»/);
    await say('1-5');
    await tap('Обязательный');
    expect(lastText()).toMatch(/Вопросов пока: 1/);
    await tap('Число');
    await say('Сколько учеников получили двойки за четверть?');
    await say('0-500');
    await tap('Можно пропустить');
    await tap('Готово, сохранить');
    expect(last.replies.map((r) => r.text).join('\n')).toMatch(/Опрос сохранён[\s\S]*Кого опрашиваем/);

    const stored = t.db.select().from(surveys).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.definition).toMatchObject({
      title: 'Мотивация учеников',
      anonymous: true,
      level: 'person',
      questions: [
        { id: 'q1', type: 'scale', min: 1, max: 5, required: true },
        { id: 'q2', type: 'number', min: 0, max: 500, required: false },
      ],
    });
    await tap('Педагоги');
    await tap('3 дн.');
    await tap('Нет, один раз');
    await tap('Запустить');
    expect(lastText()).toMatch(/Опрос запущен: приглашения получат 1/);
    expect(t.db.select().from(surveyRounds).all()).toHaveLength(1);
  });
});
