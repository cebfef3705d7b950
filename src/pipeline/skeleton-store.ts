import type { LayoutSkeleton } from './compile-skeleton.js';
import type { ProbeMemo } from './probe-copies.js';

/** A shape or structure that cannot be filled exactly: its articles take the full path, for this reason. */
export interface Unusable {
  unusable: string;
}

/**
 * What the fast path has learnt about one set of templates and config; plain
 * JSON, kept in memory during a build and under `out/` between builds.
 */
export interface SkeletonStore {
  /** Shape key (see layout-shape.ts) → structure key (see split-layout.ts). */
  shapes: Record<string, string | Unusable>;
  /** Structure key → compiled skeleton (see compile-skeleton.ts). */
  skeletons: Record<string, LayoutSkeleton | Unusable>;
  /** What probing the layouts' values taught, per block of MJML (see probe-copies.ts). */
  probes: ProbeMemo;
}

export function emptySkeletonStore(): SkeletonStore {
  return { shapes: {}, skeletons: {}, probes: {} };
}
