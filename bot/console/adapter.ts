// The terminal playground: the same core and database as the messengers,
// spoken to from a terminal as one of the demo people. Buttons show as
// numbered choices; outbox messages for playground people print inline.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Db } from '../../db/client.js';
import { consolePeople } from '../../db/seed/demo.js';
import type { Button, Incoming, IncomingEvent, Reply } from '../../handlers/core/contract.js';
import type { Core } from '../../handlers/core/dispatch.js';
import type { I18n, Language } from '../../handlers/core/i18n.js';
import { payloadText, type MessagePayload } from '../../db/schema.js';
import type { Adapter } from '../adapter.js';
import { RateLimiter } from '../outbox/rate-limit.js';
import type { OutboxTransport } from '../outbox/sender.js';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  lang?: Language;
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

export function startConsole(options: ConsoleOptions, core: Core, db: Db, i18n: I18n): ConsoleAdapter {
  const lang = options.lang ?? 'ru';
  const t = (key: string, args?: Record<string, string>) => i18n.t(lang, key, args);
  const write = (text: string) => options.output.write(`${text}\n`);
  const rl = createInterface({ input: options.input, terminal: false });
  let me: Person | undefined;
  let pressable: Button[] = [];
  let choosing = true;
  let queue: Promise<unknown> = Promise.resolve();

  const people = () => consolePeople(db);
  const roleList = (p: Person) => p.roles.map((r) => t(`role-${r}`)).join(', ');
  const askWho = () => {
    choosing = true;
    write(t('playground-choose-person'));
    people().forEach((p, i) => write(`  [${i + 1}] ${p.name} — ${roleList(p)}`));
  };

  const show = (replies: Reply[], notice?: string) => {
    if (notice) write(`(${notice})`);
    pressable = [];
    for (const reply of replies) {
      const rendered = renderForTerminal(reply, pressable.length + 1);
      pressable.push(...rendered.pressable);
      write(`\n${rendered.text}${reply.file ? `\n📎 ${reply.file.name} (${reply.file.data.length} B)` : ''}`);
    }
    write('');
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
    show(result.replies, result.notice);
  };

  const onLine = async (line: string) => {
    const text = line.trim();
    if (text === ':quit' || text === ':q') {
      rl.close();
      return;
    }
    if (text === ':who') return askWho();
    if (choosing) {
      const chosen = people()[Number(text) - 1];
      if (!chosen) return askWho();
      me = chosen;
      choosing = false;
      write(`\n${t('playground-intro', { name: chosen.name, role: roleList(chosen) })}\n${t('playground-hint')}\n`);
      return;
    }
    const button = /^\d{1,3}$/.test(text) ? pressable[Number(text) - 1] : undefined;
    if (button?.kind === 'action') return send({ kind: 'action', data: button.data });
    const command = /^\/([a-zA-Z_]{1,32})(?:\s+([\s\S]*))?$/.exec(text);
    if (command) return send({ kind: 'command', name: command[1] ?? '', args: (command[2] ?? '').trim() });
    return send({ kind: 'text', text: line });
  };

  const closed = new Promise<void>((resolve) => rl.on('close', () => void queue.then(() => resolve(), () => resolve())));
  rl.on('line', (line) => {
    queue = queue.then(() => onLine(line)).catch((error: unknown) => write(String(error)));
  });
  askWho();

  const transport: OutboxTransport = {
    platform: 'console',
    limiter: new RateLimiter({ perSecond: 100 }),
    async send(row) {
      const payload: MessagePayload = row.payload.kind === 'replies' ? { text: payloadText(row.payload) } : row.payload;
      const name = people().find((p) => p.externalId === row.chatId)?.name ?? row.chatId;
      write(`\n📬 ${t('playground-outbox', { name })}\n${renderForTerminal(payload).text}\n`);
      return { kind: 'sent' };
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
