// The terminal playground: the same core and database as the messengers,
// spoken to from a terminal as one of the demo people. Buttons show as
// numbered choices; outbox messages for playground people print inline, and
// their buttons can be pressed by that person. `:file PATH` sends a file from
// disk; every file the bot sends is saved to the playground folder. Notices
// held for later (quiet hours, a reminder's time) are announced with the
// `:time` that shows them now.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { consolePeople } from '../../db/seed/demo.js';
import { outbox, type StoredMessage } from '../../db/schema.js';
import type { Clock } from '../../handlers/core/clock.js';
import type { Button, Incoming, IncomingEvent, OutgoingFile, Reply } from '../../handlers/core/contract.js';
import type { Core } from '../../handlers/core/dispatch.js';
import type { I18n, Language, MessageArgs } from '../../handlers/core/i18n.js';
import type { Adapter } from '../adapter.js';
import { RateLimiter } from '../outbox/rate-limit.js';
import type { LoadFile, OutboxTransport } from '../outbox/sender.js';
import { clockArg, clockText, isMovable, parseClockTarget } from './clock.js';
import { fileFromDisk, saveSentFile, splitFileArgs } from './files.js';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  lang?: Language;
  /** Where the files the bot sends are saved (`data/playground` beside the database). */
  filesDir: string;
  /** The zone the playground prints times in: the demo municipality's. */
  timezone?: string;
  /** Reads a stored attachment of an outbox row. */
  loadFile?: LoadFile;
  /** Runs the scheduler's jobs for the current time, after `:time` moved the clock. */
  tick?: () => Promise<void>;
}

export interface ConsoleAdapter extends Adapter {
  /** Resolves when the person quits or the input ends. */
  readonly closed: Promise<void>;
}

type Person = ReturnType<typeof consolePeople>[number];

export function renderForTerminal(reply: Pick<Reply, 'text' | 'buttons'>, firstNumber = 1): { text: string; pressable: Button[] } {
  const pressable = (reply.buttons ?? []).flat();
  const lines = pressable.map((b, i) => `  [${firstNumber + i}] ${b.label}${b.kind === 'url' ? ` → ${b.url}` : ''}`);
  return { text: [reply.text, ...lines].join('\n'), pressable };
}

function sizeText(bytes: number, lang: Language): string {
  const [b, kb, mb] = lang === 'ru' ? ['Б', 'КБ', 'МБ'] : ['B', 'KB', 'MB'];
  if (bytes < 1024) return `${bytes} ${b}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} ${kb}`;
  return `${(bytes / 1024 / 1024).toFixed(1)} ${mb}`;
}

export function startConsole(options: ConsoleOptions, core: Core, db: Db, i18n: I18n): ConsoleAdapter {
  const lang = options.lang ?? 'ru';
  const clock: Clock = core.deps.clock;
  const zone = options.timezone ?? core.deps.settings.defaultTimezone;
  const t = (key: string, args?: MessageArgs) => i18n.t(lang, key, args);
  const write = (text: string) => options.output.write(`${text}\n`);
  const rl = createInterface({ input: options.input, terminal: false });
  let me: Person | undefined;
  /** What each person can press: their last replies' buttons, then those of the notices that came after. */
  const pressableBy = new Map<string, Button[]>();
  /** Held outbox rows already announced, so each is announced once. */
  const announced = new Set<number>();
  let choosing = true;
  let queue: Promise<unknown> = Promise.resolve();

  const people = () => consolePeople(db);
  const roleList = (p: Person) => p.roles.map((r) => t(`role-${r}`)).join(', ');
  const askWho = () => {
    choosing = true;
    write(t('playground-choose-person'));
    people().forEach((p, i) => write(`  [${i + 1}] ${p.name} — ${roleList(p)}`));
  };

  /** Saves a file the bot sent and says where it is. */
  const saved = async (file: OutgoingFile): Promise<string> => {
    const result = await saveSentFile(options.filesDir, file);
    const lines = [`📎 ${t('playground-file-saved', { name: file.name, size: sizeText(file.data.length, lang), path: result.shown })}`];
    if (result.url) lines.push(`🖼 ${result.url}`);
    return lines.join('\n');
  };

  /** Prints messages for a person, numbering their buttons after the ones that person can press already. */
  const print = async (chatId: string, messages: (Pick<Reply, 'text' | 'buttons'> & { file?: OutgoingFile })[], fresh: boolean, heading?: string) => {
    const pressable = fresh ? [] : [...(pressableBy.get(chatId) ?? [])];
    const parts: string[] = heading ? [heading] : [];
    for (const message of messages) {
      const rendered = renderForTerminal(message, pressable.length + 1);
      pressable.push(...rendered.pressable);
      parts.push(rendered.text);
      if (message.file) parts.push(await saved(message.file));
    }
    pressableBy.set(chatId, pressable);
    write(`\n${parts.join('\n\n')}\n`);
  };

  /** Announces outbox rows for playground people that wait for a later time, with the `:time` that shows them now. */
  const announceHeld = () => {
    const now = clock.now();
    const held = db
      .select({ id: outbox.id, at: outbox.nextAttemptAt })
      .from(outbox)
      .where(and(eq(outbox.platform, 'console'), eq(outbox.state, 'pending'), gt(outbox.nextAttemptAt, now)))
      .orderBy(asc(outbox.nextAttemptAt))
      .all()
      .filter((row) => !announced.has(row.id));
    const byMinute = new Map<string, { at: Date; count: number }>();
    for (const row of held) {
      announced.add(row.id);
      const key = clockText(row.at, zone);
      const group = byMinute.get(key) ?? { at: row.at, count: 0 };
      group.count += 1;
      byMinute.set(key, group);
    }
    for (const [text, { at, count }] of byMinute) write(`⏰ ${t('playground-held', { count, at: text, arg: clockArg(at, now, zone) })}\n`);
  };

  const send = async (event: IncomingEvent) => {
    if (!me) return;
    const incoming: Incoming = {
      platform: 'console',
      updateId: randomUUID(),
      chatId: me.externalId,
      sender: { id: me.externalId, name: me.name, languageCode: lang },
      event,
    };
    const result = await core.handle(incoming);
    if (result.notice) write(`(${result.notice})`);
    await print(me.externalId, result.replies, true);
    announceHeld();
  };

  const sendFile = async (args: string) => {
    const parsed = await splitFileArgs(args);
    if (!parsed) return write(t('playground-file-usage'));
    const file = await fileFromDisk(parsed.path);
    if (!file) return write(t('playground-file-missing', { path: parsed.path }));
    write(`📤 ${file.name} (${sizeText(file.size ?? 0, lang)})`);
    return send({ kind: 'file', file, ...(parsed.caption ? { caption: parsed.caption } : {}) });
  };

  const nextHeldAt = (): Date | undefined =>
    db
      .select({ at: outbox.nextAttemptAt })
      .from(outbox)
      .where(and(eq(outbox.platform, 'console'), eq(outbox.state, 'pending'), gt(outbox.nextAttemptAt, clock.now())))
      .orderBy(asc(outbox.nextAttemptAt))
      .limit(1)
      .get()?.at;

  const moveClock = async (arg: string) => {
    const now = clock.now();
    if (arg === '') {
      const next = nextHeldAt();
      write(t('playground-time-now', { now: clockText(now, zone), zone }));
      write(next ? t('playground-time-next', { at: clockText(next, zone), arg: clockArg(next, now, zone) }) : t('playground-time-nothing'));
      return write(t('playground-time-usage'));
    }
    if (!isMovable(clock)) return write(t('playground-time-fixed'));
    const target = arg === 'next' || arg === 'дальше' ? nextHeldAt() : parseClockTarget(arg, now, zone);
    if (!target) return write(arg === 'next' || arg === 'дальше' ? t('playground-time-nothing') : t('playground-time-usage'));
    if (target.getTime() <= now.getTime()) return write(t('playground-time-forward', { now: clockText(now, zone) }));
    clock.set(target);
    write(`🕒 ${t('playground-time-moved', { now: clockText(target, zone) })}`);
    // What comes due at the new time: the jobs' reminders and digests, and the held notices.
    await options.tick?.();
    core.deps.wakeOutbox();
    announceHeld();
  };

  const onLine = async (line: string) => {
    const text = line.trim();
    if (text === ':quit' || text === ':q') {
      rl.close();
      return;
    }
    if (text === ':who') return askWho();
    if (text === ':help') return write(t('playground-hint'));
    const colon = /^:(file|time)(?:\s+([\s\S]*))?$/.exec(text);
    if (colon?.[1] === 'time') return moveClock((colon[2] ?? '').trim());
    if (choosing) {
      const chosen = people()[Number(text) - 1];
      if (!chosen) return askWho();
      me = chosen;
      choosing = false;
      write(`\n${t('playground-intro', { name: chosen.name, role: roleList(chosen) })}\n${t('playground-hint')}\n`);
      return;
    }
    if (colon?.[1] === 'file') return sendFile(colon[2] ?? '');
    const button = /^\d{1,3}$/.test(text) ? pressableBy.get(me?.externalId ?? '')?.[Number(text) - 1] : undefined;
    if (button?.kind === 'action') return send({ kind: 'action', data: button.data });
    const command = /^\/([a-zA-Z_]{1,32})(?:\s+([\s\S]*))?$/.exec(text);
    if (command) return send({ kind: 'command', name: command[1] ?? '', args: (command[2] ?? '').trim() });
    return send({ kind: 'text', text: line });
  };

  /** Runs after everything printed before it; a failure is printed and does not stop what comes next. */
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch((error: unknown) => write(String(error)));
    return next;
  };
  const closed = new Promise<void>((resolve) => rl.on('close', () => void queue.then(() => resolve(), () => resolve())));
  rl.on('line', (line) => void inTurn(() => onLine(line)).catch(() => {}));
  askWho();

  const stored = (message: StoredMessage): Pick<Reply, 'text' | 'buttons'> & { file?: OutgoingFile } => {
    const file = message.fileId !== undefined ? options.loadFile?.(message.fileId) : undefined;
    return { text: message.text, buttons: message.buttons, ...(file ? { file } : {}) };
  };

  const transport: OutboxTransport = {
    platform: 'console',
    limiter: new RateLimiter({ perSecond: 100 }),
    async send(row) {
      const payload = row.payload;
      const name = people().find((p) => p.externalId === row.chatId)?.name ?? row.chatId;
      const messages = payload.kind === 'replies' ? payload.replies.map(stored) : [stored(payload)];
      // Printed between the terminal's lines, never in the middle of the answer to one.
      try {
        await inTurn(() => print(row.chatId, messages, false, `📬 ${t('playground-outbox', { name })}`));
        return { kind: 'sent' };
      } catch (error) {
        return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
      }
    },
  };

  return {
    platform: 'console',
    transport,
    closed,
    lastPollAt: () => new Date(),
    async stop() {
      rl.close();
      await closed;
    },
  };
}
