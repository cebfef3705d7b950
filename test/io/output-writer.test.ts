import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createOutputWriter } from '../../src/io/output-writer.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'output-writer-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

it('writes every batch, creating folders, and leaves no temporary file behind', async () => {
  const writer = createOutputWriter({ writeInlineFirst: 1 });
  const batches = Array.from({ length: 5 }, (_, index) => [
    { file: path.join(dir, 'out', `${index}.html`), content: `<p>${index}</p>` },
    { file: path.join(dir, 'out', `${index}.txt`), content: `${index}` },
  ]);
  await Promise.all(batches.map((batch) => writer.write(batch)));
  await writer.close();
  expect((await readdir(path.join(dir, 'out'))).sort()).toEqual(['0.html', '0.txt', '1.html', '1.txt', '2.html', '2.txt', '3.html', '3.txt', '4.html', '4.txt']);
  expect(await readFile(path.join(dir, 'out', '3.html'), 'utf8')).toBe('<p>3</p>');
});

it('replaces a file whole, and a batch that cannot be written rejects without taking the others down', async () => {
  const writer = createOutputWriter();
  const target = path.join(dir, 'a.html');
  await writeFile(target, 'old');
  await writeFile(path.join(dir, 'blocker'), 'a file, not a folder');
  const failing = writer.write([{ file: path.join(dir, 'blocker', 'b.html'), content: 'x' }]);
  const good = writer.write([{ file: target, content: 'new' }]);
  await expect(failing).rejects.toThrow();
  await good;
  await writer.close();
  expect(await readFile(target, 'utf8')).toBe('new');
});
