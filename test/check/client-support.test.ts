import { describe, expect, it } from 'vitest';
import { acceptedFeatures } from '../../src/check/client-support.js';

describe('acceptedFeatures: markers that record a feature as used on purpose', () => {
  const source = [
    '<mj-style>', // 1
    '  {{!-- clients: accept "@media", "Class selector" because phones get the desktop layout without it --}}', // 2
    '  @media (max-width: 480px) {', // 3
    '    .a { color: red; }', // 4
    '  }', // 5
    '', // 6
    '  @media (prefers-color-scheme: dark) { .b { color: blue; } }', // 7
    '  {{!--', // 8
    '    clients: accept "white-space"', // 9
    '    because code stays readable', // 10
    '  --}}', // 11
    '  pre { white-space: pre-wrap; }', // 12
    '</mj-style>', // 13
  ].join('\n');
  const accepted = acceptedFeatures(source);

  it.each([
    ['@media', 3, true],
    ['@MEDIA', 5, true],
    ['class selector', 4, true],
    ['@media', 2, false], // the marker's own line
    ['@media', 7, false], // after the empty line: not covered
    ['white-space', 12, true],
    ['white-space', 4, false],
    ['because', 12, false], // words after "because" are the reason, not features
  ] as const)('%s at line %i: %s', (feature, line, expected) => {
    expect(accepted(feature, line)).toBe(expected);
  });

  it('accepts nothing without markers', () => {
    expect(acceptedFeatures('<mj-style>@media x {}</mj-style>')('@media', 1)).toBe(false);
  });
});
