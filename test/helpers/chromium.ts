import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { describe } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

const available = existsSync(CHROMIUM_PATH);
if (!available && process.env.CI === 'true') {
  throw new Error(`Chromium is required in CI but ${CHROMIUM_PATH} is missing: .ci/run installs it with apt-get install -y chromium`);
}

/**
 * `describe` for browser tests: skipped, with the reason in the test name,
 * where Chromium is missing (never in CI, where its absence is an error).
 */
export const describeBrowser: (name: string, body: () => void) => void = available
  ? (name, body) => describe(name, body)
  : (name, body) => describe.skip(`${name} [skipped: ${CHROMIUM_PATH} not found; install it with "apt-get install -y chromium"]`, body);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
