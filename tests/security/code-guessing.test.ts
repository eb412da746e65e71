// Threat: codes people type can be guessed. A /link code or a seminar's
// attendance code is six characters and an invite code eight; with unlimited
// wrong tries, a stranger could attach their messenger to someone's profile,
// mark themselves present, or join a municipality. Here wrong tries lock the
// account out (and a lockout is no oracle: the right code is refused too, with
// the time to wait), many accounts together are stopped by a limit on the
// code or the seminar they aim at, and one account's lockout leaves others be.
import { afterEach, describe, expect, it } from 'vitest';
import { createInvite } from '../../db/repos/invites.js';
import { createSeminar } from '../../db/repos/seminars.js';
import { ACCOUNT_POLICY, LINK_CODE_POLICY, SEMINAR_POLICY } from '../../handlers/core/attempts.js';
import type { IncomingEvent } from '../../handlers/core/contract.js';
import { command, from, makeCore, text, type TestCore } from '../helpers/core.js';
import { seedMunicipality } from '../helpers/seed.js';

const MINUTE = 60_000;
const LOCKED = /Слишком много неверных попыток\. Попробуйте снова через (\d+) (минут|минуту|минуты|час|часа|часов)\./;
const OWNER = 1000;
/** Registered teachers, in the audience of the seminar. */
const TEACHERS = Array.from({ length: 20 }, (_, i) => 2000 + i);
/** Six characters from the codes' alphabet that no code here is. */
const WRONG_LINK = ['AAAAAA', 'BBBBBB', 'CCCCCC', 'DDDDDD', 'EEEEEE', 'FFFFFF', 'GGGGGG'];
const WRONG_INVITE = ['AAAAAAAA', 'BBBBBBBB', 'CCCCCCCC', 'DDDDDDDD', 'EEEEEEEE', 'FFFFFFFF'];
const ATTENDANCE = 'K7M9PQ';

let t: TestCore;
let municipalityId = 0;

afterEach(() => t.close());

function setUp(): void {
  t = makeCore();
  municipalityId = seedMunicipality(t.db, {
    platform: 'telegram',
    schools: [{ short: 'Школа 1', statuses: ['low_results'] }],
    people: [
      { name: 'Владелец Вера Петровна', role: 'teacher', school: 'Школа 1', user: OWNER },
      ...TEACHERS.map((user, i) => ({ name: `Учитель ${i} Иванович`, role: 'teacher' as const, school: 'Школа 1', user })),
    ],
  }).municipalityId;
}

async function say(user: number | string, event: IncomingEvent): Promise<string> {
  const result = await t.core.handle(from(String(user), event));
  return result.replies.map((r) => r.text).join('\n');
}

async function issueLinkCode(): Promise<string> {
  const answer = await say(OWNER, command('link'));
  const code = /\/link (\S+)/.exec(answer)?.[1];
  if (!code) throw new Error(`no code in ${answer}`);
  return code;
}

/** `count` wrong /link tries from an account; the last answer. */
async function wrongLinks(user: string, count: number): Promise<string> {
  let answer = '';
  for (let i = 0; i < count; i++) answer = await say(user, command('link', WRONG_LINK[i % WRONG_LINK.length]));
  return answer;
}

/** `total` wrong tries shared among accounts, each staying under the limit of one account. */
function spread(total: number): number[] {
  const perAccount = ACCOUNT_POLICY.limit - 1;
  return Array.from({ length: Math.ceil(total / perAccount) }, (_, i) => Math.min(perAccount, total - i * perAccount));
}

describe('/link codes', () => {
  it('lock an account after 5 wrong tries; then the right code is refused with the time to wait', async () => {
    setUp();
    const code = await issueLinkCode();
    expect(await wrongLinks('stranger', ACCOUNT_POLICY.limit - 1)).toMatch(/Код не подошёл/);
    expect(await say('stranger', command('link', WRONG_LINK[6]))).toMatch(/через 15 минут\./);
    expect(await say('stranger', command('link', code))).toMatch(LOCKED);
    t.clock.advance(5 * MINUTE);
    expect(await say('stranger', command('link', code))).toMatch(/через 10 минут\./);
    // The refused code was not used up: it still works for its owner's other messenger.
    expect(await say('other-messenger', command('link', code))).toMatch(/Готово! Этот аккаунт связан с профилем Владелец Вера Петровна/);
  });

  it('let the account try again once the lockout is over', async () => {
    setUp();
    await wrongLinks('stranger', ACCOUNT_POLICY.limit);
    expect(await say('stranger', command('link', await issueLinkCode()))).toMatch(LOCKED);
    t.clock.advance(15 * MINUTE + 1000);
    // The code issued before has expired by now (they live 15 minutes), so the owner asks for a new one.
    expect(await say('stranger', command('link', await issueLinkCode()))).toMatch(/Готово!/);
  });

  it('lock for longer when wrong tries go on after a lockout', async () => {
    setUp();
    await wrongLinks('stranger', ACCOUNT_POLICY.limit);
    t.clock.advance(15 * MINUTE + 1000);
    expect(await wrongLinks('stranger', ACCOUNT_POLICY.limit)).toMatch(/через 30 минут\./);
  });

  it('stop many accounts guessing together: the open code is locked, and its owner simply asks for a new one', async () => {
    setUp();
    const code = await issueLinkCode();
    const answers: string[] = [];
    for (const [a, tries] of spread(LINK_CODE_POLICY.limit).entries()) answers.push(await wrongLinks(`guesser-${a}`, tries));
    expect(answers.slice(0, -1).join('\n')).not.toMatch(LOCKED);
    expect(answers.at(-1)).toMatch(LOCKED);
    // Nobody reached the limit of an account, yet the right code is refused now, to anyone.
    expect(await say('guesser-0', command('link', code))).toMatch(LOCKED);
    expect(await say('other-messenger', command('link', code))).toMatch(LOCKED);
    // The owner is not locked out of issuing, and the new code works.
    const fresh = await issueLinkCode();
    expect(fresh).not.toBe(code);
    expect(await say('other-messenger', command('link', fresh))).toMatch(/Готово!/);
  });

  it("do not lock one account out for another's wrong tries", async () => {
    setUp();
    const code = await issueLinkCode();
    await wrongLinks('stranger', ACCOUNT_POLICY.limit);
    expect(await say('stranger', command('link', code))).toMatch(LOCKED);
    expect(await say('other-messenger', command('link', code))).toMatch(/Готово!/);
  });
});

describe('seminar attendance codes', () => {
  function seminar(): void {
    createSeminar(t.db, {
      municipalityId,
      title: 'Формирующее оценивание',
      startsAt: new Date(t.clock.now().getTime() + 30 * MINUTE),
      format: 'in_person',
      place: 'Школа 1, актовый зал',
      audience: { roles: ['teacher'] },
      attendanceCode: ATTENDANCE,
    });
  }

  async function wrongHere(user: number, count: number): Promise<string> {
    let answer = '';
    for (let i = 0; i < count; i++) answer = await say(user, command('here', WRONG_LINK[i % WRONG_LINK.length]));
    return answer;
  }

  it('lock an account after 5 wrong tries, with /here and with the bare code; the lockout ends in time', async () => {
    setUp();
    seminar();
    const [teacher] = TEACHERS as [number];
    expect(await wrongHere(teacher, ACCOUNT_POLICY.limit - 1)).toMatch(/Код не подошёл/);
    expect(await say(teacher, text(WRONG_LINK[6]!))).toMatch(LOCKED);
    expect(await say(teacher, command('here', ATTENDANCE))).toMatch(LOCKED);
    expect(await say(teacher, text(ATTENDANCE))).toMatch(LOCKED);
    t.clock.advance(15 * MINUTE + 1000);
    expect(await say(teacher, command('here', ATTENDANCE))).toMatch(/Отметил, что вы были на семинаре «Формирующее оценивание»/);
  });

  it('count a bare wrong code but still answer it as ordinary text', async () => {
    setUp();
    seminar();
    const [teacher] = TEACHERS as [number];
    for (let i = 0; i < ACCOUNT_POLICY.limit - 1; i++) expect(await say(teacher, text(WRONG_LINK[i]!))).toMatch(/не совсем понял/);
    expect(await say(teacher, command('here', WRONG_LINK[5]))).toMatch(LOCKED);
  });

  it("bound the whole room's wrong tries: past the seminar's limit even the right code waits", async () => {
    setUp();
    seminar();
    const tries = spread(SEMINAR_POLICY.limit);
    expect(tries.length).toBeLessThan(TEACHERS.length);
    let last = '';
    for (const [i, count] of tries.entries()) last = await wrongHere(TEACHERS[i]!, count);
    expect(last).toMatch(LOCKED);
    const latecomer = TEACHERS.at(-1)!;
    expect(await say(latecomer, command('here', ATTENDANCE))).toMatch(LOCKED);
    t.clock.advance(15 * MINUTE + 1000);
    expect(await say(latecomer, command('here', ATTENDANCE))).toMatch(/Отметил/);
  });

  it("do not lock one account out for another's wrong tries", async () => {
    setUp();
    seminar();
    const [first, second] = TEACHERS as [number, number];
    await wrongHere(first, ACCOUNT_POLICY.limit);
    expect(await say(first, command('here', ATTENDANCE))).toMatch(LOCKED);
    expect(await say(second, command('here', ATTENDANCE))).toMatch(/Отметил/);
  });
});

describe('invite codes', () => {
  function invite(): string {
    return createInvite(t.db, { role: 'teacher', municipalityId, maxUses: 30, expiresAt: new Date(t.clock.now().getTime() + 7 * 24 * 60 * MINUTE) }).code;
  }

  const CONSENT = /Согласие на обработку персональных данных/;

  it('lock an account after 5 unknown codes; a valid invite is refused too, by /start and bare, until the lockout ends', async () => {
    setUp();
    const code = invite();
    for (let i = 0; i < ACCOUNT_POLICY.limit - 1; i++) expect(await say('newcomer', command('start', WRONG_INVITE[i]))).toMatch(/Такого кода приглашения нет/);
    expect(await say('newcomer', command('start', WRONG_INVITE[5]))).toMatch(/через 15 минут\./);
    expect(await say('newcomer', command('start', code))).toMatch(LOCKED);
    expect(await say('newcomer', text(code))).toMatch(LOCKED);
    t.clock.advance(15 * MINUTE + 1000);
    expect(await say('newcomer', command('start', code))).toMatch(CONSENT);
  });

  it('count unknown bare codes, which are otherwise answered as ordinary text', async () => {
    setUp();
    const code = invite();
    for (let i = 0; i < ACCOUNT_POLICY.limit - 1; i++) expect(await say('newcomer', text(WRONG_INVITE[i]!))).toMatch(/не совсем понял/);
    expect(await say('newcomer', text(WRONG_INVITE[5]!))).toMatch(LOCKED);
    expect(await say('newcomer', text(code))).toMatch(LOCKED);
  });

  it("do not lock one account out for another's wrong tries", async () => {
    setUp();
    const code = invite();
    for (let i = 0; i < ACCOUNT_POLICY.limit; i++) await say('newcomer', command('start', WRONG_INVITE[i]));
    expect(await say('newcomer', command('start', code))).toMatch(LOCKED);
    expect(await say('another-newcomer', command('start', code))).toMatch(CONSENT);
  });
});
