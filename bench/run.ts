// `npm run bench`: every benchmark in one run, on this machine, side by side
// with its reference. Prints one table and writes bench/results.json. Not
// part of `npm test`: figures belong to a quiet machine, not to CI.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { runBroadcast } from './broadcast.js';
import type { Figure } from './report.js';
import { runScale } from './scale.js';
import { runUpdates } from './updates.js';

const benches = { updates: runUpdates, broadcast: runBroadcast, scale: runScale } as const;
type Name = keyof typeof benches;

function table(figures: Figure[]): string {
  const rows = figures.map((f) => [f.group, f.name, `${f.value} ${f.unit}`, f.target ?? '', f.met === undefined ? '' : f.met ? 'yes' : 'NO', f.limitedBy ?? '']);
  const header = ['benchmark', 'figure', 'value', 'target', 'met', 'limited by'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' │ ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a): a is Name => a in benches);
  const names = wanted.length > 0 ? wanted : (Object.keys(benches) as Name[]);
  const dir = mkdtempSync(join(tmpdir(), 'opora-bench-'));
  const started = Date.now();
  const log = (line: string) => process.stdout.write(`  ${line}\n`);
  const figures: Figure[] = [];
  try {
    for (const name of names) {
      process.stdout.write(`▶ ${name}\n`);
      const t0 = Date.now();
      figures.push(...(await benches[name]({ dir, log })));
      process.stdout.write(`  (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform };
  const seconds = Math.round((Date.now() - started) / 1000);
  process.stdout.write(`\n${table(figures)}\n\n${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}; ${seconds} s in all.\n`);
  writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify({ at: new Date().toISOString(), machine, seconds, figures }, null, 2)}\n`);
  const missed = figures.filter((f) => f.met === false).length;
  if (missed > 0) process.stdout.write(`${missed} figure(s) miss their target; BENCHMARKS.md says why.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
