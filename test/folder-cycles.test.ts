import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/project.js';

const SRC = path.join(REPO_ROOT, 'src');

/**
 * The part of src/ a file belongs to: its top folder, or for a file directly
 * in src/ its own name (`build.ts` and `build/` are one part: the orchestrator
 * and its helpers).
 */
function partOf(file: string): string {
  const [first = '', ...rest] = path.relative(SRC, file).split(path.sep);
  return rest.length > 0 ? first : first.replace(/\.[jt]s$/, '');
}

/** Part → parts it imports (static, dynamic, type-only and re-exports alike), with one example import per edge. */
function partGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
  for (const name of files) {
    const file = path.join(SRC, name);
    const from = partOf(file);
    const edges = graph.get(from) ?? new Map<string, string>();
    graph.set(from, edges);
    for (const match of readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const to = partOf(path.resolve(path.dirname(file), match[1] as string));
      if (to !== from && !edges.has(to)) edges.set(to, `src/${name} imports ${match[1]}`);
    }
  }
  return graph;
}

/** Groups of parts that import each other, directly or round a loop (Tarjan's strongly connected components). */
function cycles(graph: Map<string, Map<string, string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        group.push(member);
      } while (member !== node);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

it('no folder of src/ imports a folder that imports it back, directly or round a loop', () => {
  const graph = partGraph();
  const described = cycles(graph).map((group) =>
    group.flatMap((from) => group.flatMap((to) => (graph.get(from)?.has(to) ? [`${from} → ${to} (${graph.get(from)?.get(to)})`] : []))),
  );
  expect(described).toEqual([]);
});

it('the cycle search finds a loop over three parts', () => {
  const graph = new Map([
    ['a', new Map([['b', '']])],
    ['b', new Map([['c', '']])],
    ['c', new Map([['a', '']])],
    ['d', new Map([['a', '']])],
  ]);
  expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
});
