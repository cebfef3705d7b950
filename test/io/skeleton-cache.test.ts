import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSkeletonStore, SKELETON_FILE, writeSkeletonStore } from '../../src/io/skeleton-cache.js';
import type { SkeletonStore } from '../../src/pipeline/skeleton-store.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

const store: SkeletonStore = {
  shapes: { 'author=null': 'abc', 'image=null': { unusable: 'a reason' } },
  skeletons: { abc: { structure: { key: 'abc', parts: ['<mjml>', '</mjml>'], tags: ['mj-text'], inlineCss: '' }, html: ['<html>', '</html>'], slots: [], copies: {} } },
  probes: { b1: { '0:@@E:title@@': [] } },
};

describe('skeleton cache', () => {
  it('reads back what it wrote for the same inputs', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'skeletons-'));
    await writeSkeletonStore(dir, 'key-1', store);
    expect(await loadSkeletonStore(dir, 'key-1')).toEqual(store);
  });

  it('is empty for other inputs, a missing file, or a corrupt one', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'skeletons-'));
    expect(await loadSkeletonStore(dir, 'key-1')).toEqual({ shapes: {}, skeletons: {}, probes: {} });
    await writeSkeletonStore(dir, 'key-1', store);
    expect(await loadSkeletonStore(dir, 'key-2')).toEqual({ shapes: {}, skeletons: {}, probes: {} });
    await writeFile(path.join(dir, SKELETON_FILE), '{"format":3,"inputsKey":"key-1","shapes":');
    expect(await loadSkeletonStore(dir, 'key-1')).toEqual({ shapes: {}, skeletons: {}, probes: {} });
  });
});
