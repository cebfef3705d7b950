import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSkeletonStore, skeletonFile, writeSkeletonStore } from '../../src/io/skeleton-cache.js';
import type { LayoutSkeleton } from '../../src/pipeline/compile-skeleton.js';
import type { SkeletonStore } from '../../src/pipeline/skeleton-store.js';
import { structureKey } from '../../src/pipeline/structure-key.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A skeleton consistent with itself: its key is the hash split-layout.ts takes over parts and tags. */
function skeleton(parts: string[], tags: string[]): LayoutSkeleton {
  const key = structureKey(parts, tags);
  const slots = tags.map((_, content) => ({ content, kind: 'element' as const, open: '<td>', close: '</td>', parent: 'td', rawText: false }));
  return { structure: { key, parts, tags, inlineCss: '' }, html: ['<html><td>', ...tags.map(() => '</td>'), '</html>'].slice(0, tags.length + 1), slots, copies: { '@@E:title@@': { slot: '{{title}} in <mj-text>', features: ['space-run'] } } };
}

const good = skeleton(['<mjml><mj-text>', '</mj-text></mjml>'], ['mj-text']);
const store: SkeletonStore = {
  shapes: { 'author=null': good.structure.key, 'image=null': { unusable: 'a reason' } },
  skeletons: { [good.structure.key]: good },
  probes: { 'block-1': { '@@E:title@@': ['space-run'] } },
};

describe('skeleton cache', () => {
  it('reads back what it wrote for the same inputs', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'skeletons-'));
    await writeSkeletonStore(skeletonFile(dir), 'key-1', store);
    expect(await loadSkeletonStore(skeletonFile(dir), 'key-1')).toEqual(store);
  });

  it('is empty for other inputs, a missing file, or a corrupt one', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'skeletons-'));
    const file = skeletonFile(dir);
    expect(await loadSkeletonStore(file, 'key-1')).toEqual({ shapes: {}, skeletons: {}, probes: {} });
    await writeSkeletonStore(file, 'key-1', store);
    expect(await loadSkeletonStore(file, 'key-2')).toEqual({ shapes: {}, skeletons: {}, probes: {} });
    await writeFile(file, '{"inputsKey":"key-1","shapes":');
    expect(await loadSkeletonStore(file, 'key-1')).toEqual({ shapes: {}, skeletons: {}, probes: {} });
  });

  const broken = skeleton(['<mjml><mj-text>', '</mj-text><mj-button>', '</mj-button></mjml>'], ['mj-text', 'mj-button']);
  it.each<[string, (file: { shapes: Record<string, unknown>; skeletons: Record<string, unknown> }) => void]>([
    ['null', (file) => (file.skeletons[broken.structure.key] = null)],
    ['a number where the HTML parts go', (file) => ((file.skeletons[broken.structure.key] as { html: unknown }).html = 7)],
    ['HTML inserted into the structure (the key no longer matches)', (file) => ((file.skeletons[broken.structure.key] as LayoutSkeleton).structure.parts[0] = '<mjml><mj-raw><script>alert(1)</script></mj-raw><mj-text>')],
    ['one slot too many', (file) => (file.skeletons[broken.structure.key] as LayoutSkeleton).slots.push({ content: 0, kind: 'element', open: '', close: '', parent: 'td', rawText: false })],
    ['a slot for a content that does not exist', (file) => ((file.skeletons[broken.structure.key] as LayoutSkeleton).slots[0]!.content = 9)],
    ['an unknown key', (file) => ((file.skeletons[broken.structure.key] as Record<string, unknown>).extra = true)],
    ['copies that are not a list of features', (file) => ((file.skeletons[broken.structure.key] as { copies: unknown }).copies = { x: { slot: 's', features: 'all' } })],
    ['stored under another key', (file) => ((file.skeletons['0'.repeat(32)] = file.skeletons[broken.structure.key]), delete file.skeletons[broken.structure.key])],
  ])('drops a skeleton that is %s, and the shapes that point at it; keeps the rest', async (_name, damage) => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'skeletons-'));
    const file = skeletonFile(dir);
    const both: SkeletonStore = { shapes: { ...store.shapes, 'faq[2]': broken.structure.key }, skeletons: { ...store.skeletons, [broken.structure.key]: broken }, probes: store.probes };
    await writeSkeletonStore(file, 'key-1', both);
    expect(await loadSkeletonStore(file, 'key-1')).toEqual(both); // undamaged, it all comes back
    const data = JSON.parse(await readFile(file, 'utf8')) as { shapes: Record<string, unknown>; skeletons: Record<string, unknown> };
    damage(data);
    await writeFile(file, JSON.stringify(data));
    expect(await loadSkeletonStore(file, 'key-1')).toEqual(store);
  });

  it('drops shapes that are neither a known skeleton nor a reason', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'skeletons-'));
    const file = skeletonFile(dir);
    await writeFile(file, JSON.stringify({ inputsKey: 'key-1', shapes: { ...store.shapes, a: 'f'.repeat(32), b: 5, c: null, d: { unusable: 3 } }, skeletons: store.skeletons, probes: store.probes }));
    expect(await loadSkeletonStore(file, 'key-1')).toEqual(store);
  });

  it('drops probe results that are not lists of feature names per placeholder', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'skeletons-'));
    const file = skeletonFile(dir);
    const probes = { ...store.probes, a: null, b: { '@@E:x@@': 'space' }, c: [['space']], d: { '@@E:x@@': [1] } };
    await writeFile(file, JSON.stringify({ inputsKey: 'key-1', shapes: store.shapes, skeletons: store.skeletons, probes }));
    expect(await loadSkeletonStore(file, 'key-1')).toEqual(store);
  });
});
