import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe } from 'vitest';

/**
 * Real disk faults (a read-only folder, a full disk) without touching the
 * machine's mounts: `unshare --user --map-root-user --mount` gives the test
 * a mount namespace of its own, where it may mount a tiny tmpfs or remount a
 * folder read-only; both vanish with the process. Works as root and, where
 * unprivileged user namespaces are allowed, as any user.
 */
function probe(): string | undefined {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mount-probe-'));
  try {
    const result = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs "$1" && mount --bind "$1" "$1" && mount -o remount,bind,ro "$1"', 'sh', dir], { encoding: 'utf8' });
    if (result.error) return `unshare is not available (${result.error.message}); install util-linux`;
    if (result.status !== 0) return `cannot mount in a user namespace here (${result.stderr.trim().split('\n')[0]})`;
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const unavailable = probe();
if (unavailable && process.env.CI === 'true') throw new Error(`the disk fault tests need a mount namespace in CI: ${unavailable}`);

/** `describe` for tests that mount: skipped, with the reason in the name, where that is impossible (never in CI). */
export const describeWithMounts: (name: string, body: () => void) => void = unavailable
  ? (name, body) => describe.skip(`${name} [skipped: ${unavailable}]`, body)
  : (name, body) => describe(name, body);

export interface ShellRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run a shell script in a mount namespace of its own, in `cwd`; `$NODE` is this Node. */
export function runInMountNamespace(script: string, options: { cwd: string; timeoutMs?: number }): Promise<ShellRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-ec', script], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', NODE: process.execPath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
