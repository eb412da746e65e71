// `npm run bench`: every benchmark in one run, on this machine, side by side
// with its reference. Prints one table and writes bench/results.json. Not
// part of `npm test`: figures belong to a quiet machine, not to CI.
//   npm run bench -- broadcast            one part (updates, broadcast, import-wait, scale)
//   npm run bench -- broadcast --hog      with a process spinning one core beside it
//   npm run bench -- broadcast --platforms=vk,max
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { runBroadcast } from './broadcast.js';
import type { Platform } from './fake-protocol.js';
import { startHog } from './hog.js';
import { runImportWait } from './import-wait.js';
import type { Figure } from './report.js';
import { runScale } from './scale.js';
import { runUpdates } from './updates.js';

const benches = { updates: runUpdates, broadcast: runBroadcast, 'import-wait': runImportWait, scale: runScale } as const;
type Name = keyof typeof benches;
const PLATFORMS: readonly Platform[] = ['telegram', 'vk', 'max'];
/** The hog stops itself after this long even if the run never stops it (the whole run takes about 6 minutes). */
const HOG_MAX_MS = 20 * 60_000;

interface Args {
  names: Name[];
  hog: boolean;
  platforms?: Platform[];
}

function parseArgs(argv: readonly string[]): Args {
  const wanted = argv.filter((a): a is Name => a in benches);
  const listed = argv.find((a) => a.startsWith('--platforms='))?.slice('--platforms='.length).split(',');
  const platforms = listed?.filter((p): p is Platform => (PLATFORMS as readonly string[]).includes(p));
  return { names: wanted.length > 0 ? wanted : (Object.keys(benches) as Name[]), hog: argv.includes('--hog'), ...(platforms ? { platforms } : {}) };
}

function table(figures: Figure[]): string {
  const rows = figures.map((f) => [f.group, f.name, `${f.value} ${f.unit}`, f.target ?? '', f.met === undefined ? '' : f.met ? 'yes' : 'NO', f.limitedBy ?? '']);
  const header = ['benchmark', 'figure', 'value', 'target', 'met', 'limited by'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' │ ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const { names, hog: withHog, platforms } = parseArgs(process.argv.slice(2));
  const hog = withHog ? startHog(HOG_MAX_MS) : undefined;
  if (hog) process.stdout.write('a CPU hog spins one core for the whole run\n');
  const dir = mkdtempSync(join(tmpdir(), 'opora-bench-'));
  const started = Date.now();
  const log = (line: string) => process.stdout.write(`  ${line}\n`);
  const figures: Figure[] = [];
  try {
    for (const name of names) {
      process.stdout.write(`▶ ${name}\n`);
      const t0 = Date.now();
      figures.push(...(await benches[name]({ dir, log, ...(platforms ? { platforms } : {}) })));
      process.stdout.write(`  (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);
    }
  } finally {
    await hog?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform, cpuHog: withHog };
  const seconds = Math.round((Date.now() - started) / 1000);
  process.stdout.write(`\n${table(figures)}\n\n${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}${withHog ? ', a CPU hog spinning one core' : ''}; ${seconds} s in all.\n`);
  writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify({ at: new Date().toISOString(), machine, seconds, figures }, null, 2)}\n`);
  const missed = figures.filter((f) => f.met === false).length;
  if (missed > 0) process.stdout.write(`${missed} figure(s) miss their target; BENCHMARKS.md says why.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
