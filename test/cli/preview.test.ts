import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProject, REPO_ROOT, type TempProject } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';

const getStatus = (url: string) =>
  new Promise<number>((resolve, reject) => http.get(url, (response) => resolve(response.statusCode ?? 0)).on('error', reject));

describe('npm run preview', () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await makeProject({ samples: true });
  });
  afterAll(async () => {
    await project?.remove();
  });

  it('prints the URL and the inbox, serves until Ctrl-C, then exits 0', async () => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/cli/preview.js'), '--port', '0', '--smtp-port', '0'], {
      cwd: project.root,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed within 20 s; stderr: ${stderr}`)), 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const found = /Newsletter preview\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)?.[1];
        if (found && stdout.includes('Ctrl-C stops')) {
          clearTimeout(timer);
          resolve(found);
        }
      });
    });
    expect(stdout).toMatch(/Built-in inbox\s+smtp:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toContain('2 newsletters ready');
    expect(await getStatus(url)).toBe(200);
    expect(await getStatus(`${url}view/ki-chips-wettruesten`)).toBe(200);
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', (exitCode) => resolve(exitCode));
      child.kill('SIGINT');
    });
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it('a client that hangs up in the middle of a POST costs one line, not a stack trace', async () => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/cli/preview.js'), '--port', '0', '--smtp-port', '0'], {
      cwd: project.root,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed within 20 s; stderr: ${stderr}`)), 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const found = /Newsletter preview\s+http:\/\/127\.0\.0\.1:(\d+)\//.exec(stdout)?.[1];
        if (found && stdout.includes('Ctrl-C stops')) {
          clearTimeout(timer);
          resolve(Number(found));
        }
      });
    });
    const banner = stdout.length;
    // Headers promise 1000 bytes of form; the client sends four and closes.
    for (let attempt = 0; attempt < 3; attempt++) {
      await new Promise<void>((resolve, reject) => {
        const socket = net.connect({ host: '127.0.0.1', port }, () => {
          socket.write(
            `POST /send/ki-chips-wettruesten HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\n` +
              'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nto=a',
          );
          setTimeout(() => {
            socket.destroy();
            resolve();
          }, 100);
        });
        socket.on('error', reject);
      });
    }
    expect(await getStatus(`http://127.0.0.1:${port}/`)).toBe(200); // still serving
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', (exitCode) => resolve(exitCode));
      child.kill('SIGINT');
    });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.slice(banner).trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).toMatch(/^\d\d:\d\d:\d\d POST \/send\/ki-chips-wettruesten: the client closed the connection before it had sent the whole request \(nothing done\)$/);
    }
  });

  it('refuses a bad port with one line', async () => {
    const run = await runCli('preview', ['--port', 'abc'], { cwd: project.root });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--port takes a port number from 0 to 65535');
  });

  it('says so when the port is taken, without a stack trace', async () => {
    const blocker = http.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = await runCli('preview', ['--port', String(port), '--smtp-port', '0'], { cwd: project.root });
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(`error the preview cannot use port ${port}: it is already in use (another preview running?): stop that program or pass --port with another port`);
    } finally {
      blocker.close();
    }
  });
});
