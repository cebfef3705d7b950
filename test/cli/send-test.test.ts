import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProject, REPO_ROOT as REPO, SAMPLE_SLUG as SLUG, SAMPLE_TITLE as TITLE, type TempProject as TestProject } from '../helpers/project.js';
import { PASSWORD, SMTP_PASSWORD_ENCODED, smtpUrl, startSmtpServer, USER, type TestServer } from '../send/smtp-test-server.js';

const CLI = path.join(REPO, 'dist/cli/send-test.js');
const run = promisify(execFile);

let project: TestProject;
let server: TestServer;

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run prepare" to compile the CLIs first`);
  project = await makeProject({ samples: true, loadConfig: true });
  server = await startSmtpServer({ rejectRecipient: (address) => address.startsWith('unbekannt') });
});
afterAll(async () => {
  await server?.close();
  await project?.remove();
});

/** Run the compiled CLI in the project (async, so the in-process SMTP server can answer). */
async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: project.root, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env }, timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

function expectNoPassword(output: { stdout: string; stderr: string }): void {
  for (const text of [output.stdout, output.stderr]) {
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(SMTP_PASSWORD_ENCODED);
  }
}

describe('npm run send-test (compiled CLI as a child process)', () => {
  it('sends with SMTP_URL from .env and prints recipients, message id and size', async () => {
    await writeFile(path.join(project.root, '.env'), `# test sends\nSMTP_URL="${smtpUrl(server.port)}"\nTEST_RECIPIENTS=leser@example.com\n`);
    try {
      const before = server.messages.length;
      const output = await cli([SLUG]);
      expect(output.stderr).toBe('');
      expect(output.code).toBe(0);
      const received = server.messages[before];
      expect(received?.to).toEqual(['leser@example.com']);
      const parsed = await simpleParser(received?.raw ?? Buffer.alloc(0));
      expect(output.stdout).toContain(`✓ sent "${TITLE}" (`);
      expect(output.stdout).toContain(`via smtp://${encodeURIComponent(USER)}:****@127.0.0.1:${server.port}`);
      expect(output.stdout).toContain('  ✓ leser@example.com');
      expect(output.stdout).toContain(`message id: ${parsed.messageId}`);
      expect(output.stdout).toMatch(/\(\d+\.\d KB\)/);
      expectNoPassword(output);
    } finally {
      await writeFile(path.join(project.root, '.env'), '');
    }
  });

  it('the environment wins over .env', async () => {
    await writeFile(path.join(project.root, '.env'), `SMTP_URL=${smtpUrl(server.port, 'falsch')}\n`);
    try {
      const output = await cli([SLUG, '--to', 'leser@example.com'], { SMTP_URL: smtpUrl(server.port) });
      expect(output.code).toBe(0);
    } finally {
      await writeFile(path.join(project.root, '.env'), '');
    }
  });

  it('wrong password: one line on stderr, exit 1, no stack, no password', async () => {
    const output = await cli([SLUG, '--to', 'leser@example.com'], { SMTP_URL: smtpUrl(server.port, `${PASSWORD}-alt`) });
    expect(output.code).toBe(1);
    expect(output.stdout).toBe('');
    expect(output.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(output.stderr).toMatch(/^error the SMTP server smtp:\/\/.*:\*\*\*\*@127\.0\.0\.1:\d+ refused the login \(server said "535 Authentication credentials invalid"\): check user name and password in SMTP_URL/);
    expect(output.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expectNoPassword(output);
  });

  it('one of two recipients refused: prints what was sent, names the refused one, exit 1', async () => {
    const output = await cli([SLUG, '--to', 'leser@example.com', '--to', 'unbekannt@example.com'], { SMTP_URL: smtpUrl(server.port) });
    expect(output.code).toBe(1);
    expect(output.stdout).toContain('! partly sent');
    expect(output.stdout).toContain('  ✓ leser@example.com');
    expect(output.stdout).toContain('  ✗ unbekannt@example.com rejected');
    expect(output.stderr).toMatch(/^error .* rejected 1 of 2 recipients: unbekannt@example\.com \(550 5\.1\.1 <unbekannt@example\.com>: mailbox unknown\); sent to leser@example\.com only/);
    expectNoPassword(output);
  });

  it('malformed SMTP_URL, malformed --to, unknown slug, too many recipients: one line each, exit 1', async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [[SLUG, '--to', 'leser@example.com'], { SMTP_URL: `smtp://${USER}:${PASSWORD}@127.0.0.1:${server.port}` }, /^error SMTP_URL "smtp:\/\/\*\*\*@127\.0\.0\.1:\d+" has a "\?", "#" or "\/" in the user name or password/],
      [[SLUG, '--to', 'leser(at)example.com'], { SMTP_URL: smtpUrl(server.port) }, /^error --to: "leser\(at\)example\.com" is not an email address: write it as name@example\.com$/],
      [['openai-amazon', '--to', 'leser@example.com'], { SMTP_URL: smtpUrl(server.port) }, /^error no article with the slug "openai-amazon" \(known slugs: .*openai-amazon-cloud-deal/],
      [['ki-chips-wettruesen', '--to', 'leser@example.com'], {}, /^error no article with the slug "ki-chips-wettruesen" \(did you mean "ki-chips-wettruesten"\?\)$/],
      [[SLUG, ...Array.from({ length: 11 }, (_, index) => ['--to', `r${index}@example.com`]).flat()], { SMTP_URL: smtpUrl(server.port) }, /^error 11 recipients: .*pass --allow-many$/],
      [[SLUG], {}, /^error no recipients: pass --to you@example\.com/],
    ];
    for (const [args, env, expected] of cases) {
      const output = await cli(args, env);
      expect(output.code, args.join(' ')).toBe(1);
      expect(output.stderr.trimEnd().split('\n'), output.stderr).toHaveLength(1);
      expect(output.stderr.trimEnd()).toMatch(expected);
      expectNoPassword(output);
    }
  });

  it('--dry-run writes out/<slug>.eml and sends nothing', async () => {
    const before = server.messages.length;
    const output = await cli([SLUG, '--dry-run', '--to', 'leser@example.com'], { SMTP_URL: smtpUrl(server.port) });
    expect(output.code).toBe(0);
    expect(output.stdout).toMatch(new RegExp(`^✓ wrote out/${SLUG}\\.eml \\(\\d+\\.\\d KB\\), nothing sent: open it in a mail client\\n`));
    expect(server.messages).toHaveLength(before);
    const parsed = await simpleParser(await readFile(path.join(project.root, 'out', `${SLUG}.eml`)));
    expect(parsed.subject).toBe(TITLE);
  });
});
