import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './project.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run a compiled CLI from dist/ (as `npm run …` does) with an explicit
 * working directory (`script`: another copy of the CLI). `npm test` compiles dist/ first (the `pretest` script).
 */
export function runCli(name: string, args: readonly string[], options: { cwd: string; env?: Record<string, string | undefined>; timeoutMs?: number; script?: string }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.script ?? path.join(REPO_ROOT, 'dist/cli', `${name}.js`), ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
