import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewEvent, type PreviewServer } from '../../src/preview/server.js';
import { runCli } from '../helpers/run-cli.js';
import { makeProject, SAMPLE_SLUG as SLUG, type TempProject as TestProject } from '../helpers/project.js';
import { refusedPort, startSilentServer, startSmtpServer, USER, type TestServer } from './smtp-test-server.js';

/**
 * Every failure of a test send, with passwords full of characters that need
 * care, through every place that shows text about it: the CLI's stdout and
 * stderr, the preview's send panel (HTML) and its JSON answer. Neither the
 * password nor any base64 form of it may appear anywhere.
 */

const PASSWORDS = [
  '1234?Geheim99', // the unencoded "?" that used to print "unknown option "Geheim99@…""
  'Ge#heim@Punk/2025',
  '%41%42 sicher%', // percent signs that do and do not decode, a space
  'Grüße?#@/% äöü',
  `x<y&"z'Geheimwort`, // changes when escaped for HTML or JSON
];

type Path = 'bad URL' | 'refused' | 'wrong password' | 'TLS missing' | 'timeout' | 'echo AUTH PLAIN' | 'echo AUTH LOGIN';
const PATHS: Path[] = ['bad URL', 'refused', 'wrong password', 'TLS missing', 'timeout', 'echo AUTH PLAIN', 'echo AUTH LOGIN'];

/** What each failure must say, so that the test proves the path was taken. */
const EXPECTED: Record<Path, RegExp> = {
  'bad URL': /SMTP_URL "smtp:\/\/\*\*\*@127\.0\.0\.1:\d+"|refused the login/,
  refused: /refused the connection/,
  'wrong password': /refused the login \(server said "535 Authentication credentials invalid"\)/,
  'TLS missing': /does not offer STARTTLS/,
  timeout: /sent no SMTP greeting within/,
  'echo AUTH PLAIN': /refused the login \(server said "535 5\.7\.8 Authentication failed for AUTH PLAIN \*\*\*"\)/,
  'echo AUTH LOGIN': /refused the login \(server said "535 5\.7\.8 Authentication failed for AUTH LOGIN \*\*\* \*\*\*"\)/,
};

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The base64 text found inside every encoding of a text containing `secret`, at each of the three byte alignments. */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [0, 1, 2].map((skip) => {
    const whole = bytes.length - skip - ((bytes.length - skip) % 3);
    return bytes.subarray(skip, skip + whole).toString('base64');
  });
}

/** Every form of the password that must never be shown. */
function forbiddenForms(password: string): string[] {
  const userInfo = new URL('smtp://host');
  userInfo.password = password;
  const html = password.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  const pieces = password.split(/[/?#@:]/).filter((piece) => piece.length >= 6);
  return [
    password,
    encodeURIComponent(password),
    userInfo.password,
    html,
    JSON.stringify(password).slice(1, -1),
    ...pieces,
    base64(password),
    base64(`\0${USER}\0${password}`),
    ...base64Cores(password).filter((core) => core.length >= 8),
  ];
}

function expectNothingOf(password: string, shown: string, where: string): void {
  for (const form of forbiddenForms(password)) expect(shown.includes(form), `${where} shows ${JSON.stringify(form)} of ${JSON.stringify(password)}:\n${shown}`).toBe(false);
}

let servers: { auth: TestServer; plain: TestServer; login: TestServer; silent: { port: number; close(): Promise<void> }; refused: number };

beforeAll(async () => {
  const [auth, plain, login, silent, refused] = await Promise.all([
    startSmtpServer({ auth: { user: USER, pass: 'the-one-that-works' } }),
    startSmtpServer({ echoAuth: true, authMethods: ['PLAIN'] }),
    startSmtpServer({ echoAuth: true, authMethods: ['LOGIN'] }),
    startSilentServer(),
    refusedPort(),
  ]);
  servers = { auth, plain, login, silent, refused };
});
afterAll(async () => {
  await Promise.all([servers?.auth.close(), servers?.plain.close(), servers?.login.close(), servers?.silent.close()]);
});

/** SMTP_URL for one failure path with one password. */
function smtpUrlFor(path: Path, password: string): string {
  const encoded = `${encodeURIComponent(USER)}:${encodeURIComponent(password)}`;
  switch (path) {
    case 'bad URL':
      return `smtp://${encodeURIComponent(USER)}:${password}@127.0.0.1:${servers.auth.port}`; // password not encoded
    case 'refused':
      return `smtp://${encoded}@127.0.0.1:${servers.refused}`;
    case 'wrong password':
      return `smtp://${encoded}@127.0.0.1:${servers.auth.port}`;
    case 'TLS missing':
      return `smtp://${encoded}@127.0.0.1:${servers.auth.port}?requireTLS=true`;
    case 'timeout':
      return `smtp://${encoded}@127.0.0.1:${servers.silent.port}`;
    case 'echo AUTH PLAIN':
      return `smtp://${encoded}@127.0.0.1:${servers.plain.port}`;
    case 'echo AUTH LOGIN':
      return `smtp://${encoded}@127.0.0.1:${servers.login.port}`;
  }
}

const CASES = PASSWORDS.flatMap((password) => PATHS.map((path) => ({ password, path })));

/** Run tasks with at most `limit` at once (the machine has few cores). */
async function pool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index] as T);
      }
    }),
  );
  return results;
}

describe('the SMTP password is never shown', () => {
  it(`npm run send-test: stdout and stderr, ${CASES.length} failures`, async () => {
    const project: TestProject = await makeProject({ samples: true, loadConfig: true });
    try {
      const runs = await pool(CASES, 4, async ({ password, path }) => ({
        password,
        path,
        run: await runCli('send-test', [SLUG, '--to', 'leser@example.com', '--timeout', '1'], { cwd: project.root, env: { SMTP_URL: smtpUrlFor(path, password) }, timeoutMs: 30_000 }),
      }));
      for (const { password, path, run } of runs) {
        const where = `send-test (${path}, ${JSON.stringify(password)})`;
        expect(run.code, `${where}: ${run.stderr}`).toBe(1);
        expect(run.stderr, where).toMatch(EXPECTED[path]);
        expect(run.stderr.trimEnd().split('\n'), where).toHaveLength(1);
        expectNothingOf(password, run.stdout, `${where} stdout`);
        expectNothingOf(password, run.stderr, `${where} stderr`);
      }
    } finally {
      await project.remove();
    }
  }, 240_000);

  describe('the preview: send panel (HTML) and JSON', () => {
    let project: TestProject;
    let preview: PreviewServer;
    const env: Record<string, string | undefined> = {};
    const events: PreviewEvent[] = [];

    beforeAll(async () => {
      project = await makeProject({ samples: true, loadConfig: true });
      // `env` is read at each send: the cases below change SMTP_URL between requests.
      preview = await startPreview({ root: project.root, port: 0, smtpPort: null, env, sendTimeouts: { connectionMs: 1000, greetingMs: 300, socketMs: 2000 }, onEvent: (event) => events.push(event) });
    });
    afterAll(async () => {
      await preview?.close();
      await project?.remove();
    });

    const request = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
      new Promise<{ status: number; location: string | undefined; body: string }>((resolve, reject) => {
        const outgoing = http.request({ host: '127.0.0.1', port: preview.port, path, method, headers, agent: false }, (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, location: response.headers.location, body: text }));
        });
        outgoing.on('error', reject);
        outgoing.end(body);
      });
    const post = (accept: string) =>
      request('POST', `/send/${SLUG}`, { 'content-type': 'application/x-www-form-urlencoded', origin: `http://127.0.0.1:${preview.port}`, accept }, 'to=leser%40example.com');

    it(`shows every failure without the password, ${CASES.length} failures`, async () => {
      for (const { password, path } of CASES) {
        env.SMTP_URL = smtpUrlFor(path, password);
        const where = `preview (${path}, ${JSON.stringify(password)})`;

        const json = await post('application/json');
        expect(json.status, where).toBe(422);
        const outcome = JSON.parse(json.body) as { ok: boolean; message: string };
        expect(outcome.ok).toBe(false);
        expect(outcome.message, where).toMatch(EXPECTED[path]);
        expectNothingOf(password, json.body, `${where} JSON`);
        expectNothingOf(password, outcome.message, `${where} JSON message`);

        const form = await post('text/html');
        expect(form.status, where).toBe(303);
        const page = await request('GET', form.location ?? '/');
        expect(page.status).toBe(200);
        expect(page.body).toContain('class="notice notice-error"');
        expectNothingOf(password, page.body, `${where} page`);
        // The viewer without an outcome still names the server (or why SMTP_URL is unusable).
        expectNothingOf(password, (await request('GET', `/view/${SLUG}`)).body, `${where} viewer`);
      }
      expect(events.filter((event) => event.type === 'request-failed')).toEqual([]);
      for (const { password } of CASES) expectNothingOf(password, JSON.stringify(events), 'preview events');
    }, 120_000);
  });
});
