// One folder for everything a test run writes (databases, playground files),
// removed when the run ends: a test worker that is stopped rather than left
// to exit never runs its own clean-up, and its files would stay behind.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'opora-tests-'));
  // Read by tempDir (tests/helpers/core.ts) in every worker, which inherits this process's environment.
  process.env.OPORA_TEST_TMP = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
