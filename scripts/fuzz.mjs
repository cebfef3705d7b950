#!/usr/bin/env node
/* global process -- Node */
// npm run fuzz -- [--runs N] [--seed S]: the property tests of test/build/build.property.test.ts
// with many generated cases. Without --seed, a new seed is drawn and printed, so a failure can be
// replayed with the same seed (fast-check also prints the path of the failing case).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '200' }, seed: { type: 'string' } } });
const runs = Number(values.runs);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  process.stderr.write('usage: npm run fuzz -- [--runs N] [--seed S] (whole numbers; N at least 1)\n');
  process.exit(2);
}
process.stdout.write(`fuzzing the build: ${runs} runs per property, seed ${seed}\n`);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const child = spawn(process.execPath, [vitest, 'run', 'test/build/build.property.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed) },
});
child.on('close', (code) => {
  if (code !== 0) process.stdout.write(`\nreplay with: npm run fuzz -- --runs ${runs} --seed ${seed}\n`);
  process.exit(code ?? 1);
});
