import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // MJML takes most of a second to load and each email a few tens of ms on a 2-core machine.
    testTimeout: 30_000,
    // Most test files wait on child processes (the CLI, Chromium, an SMTP server) much of the time:
    // two workers keep a 2-core machine busy where one left it half idle (the whole suite 327 s → 253 s).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    hookTimeout: 30_000,
    reporters: ['default'],
  },
});
