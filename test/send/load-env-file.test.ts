import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadEnvFile } from '../../src/send/load-env-file.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'send-env-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('loadEnvFile', () => {
  it('a missing .env is empty', async () => {
    expect(await loadEnvFile(root)).toEqual({});
  });

  it("reads .env in the root with Node's parser, without touching process.env", async () => {
    await writeFile(
      path.join(root, '.env'),
      '# comment\nSMTP_URL="smtp://u:p%40ss@host:587"\nTEST_RECIPIENTS=a@example.com, b@example.com\nexport SMTP_FROM=Redaktion <r@example.com>\n',
    );
    expect(await loadEnvFile(root)).toEqual({ SMTP_URL: 'smtp://u:p%40ss@host:587', TEST_RECIPIENTS: 'a@example.com, b@example.com', SMTP_FROM: 'Redaktion <r@example.com>' });
    expect(process.env.SMTP_URL).not.toBe('smtp://u:p%40ss@host:587');
  });

  it('a .env that is a folder is one clear line', async () => {
    await mkdir(path.join(root, '.env'));
    await expect(loadEnvFile(root)).rejects.toMatchObject({ code: 'E_SEND', message: 'cannot read the file (EISDIR): check its permissions, or remove it', file: '.env' });
  });
});
