import type { ResolvedConfig } from '../config/config.js';
import { compileMjml } from '../pipeline/compile-mjml.js';

/**
 * Load MJML and compile a small email once, so that the first save after
 * start is as fast as every later one (loading takes about a second, and
 * the first compile is slow while the engine warms up).
 */
export async function warmUpRenderer(config: ResolvedConfig): Promise<void> {
  const sample = `<mjml lang="en"><mj-head><mj-title>warm-up</mj-title><mj-preview>warm-up</mj-preview>
<mj-attributes><mj-all font-family="Arial" /></mj-attributes><mj-style inline="inline">p { margin: 0; }</mj-style></mj-head>
<mj-body background-color="${config.colors.page}" width="600px"><mj-section background-color="${config.colors.paper}"><mj-column>
<mj-text><h2>warm-up</h2><p>text</p></mj-text><mj-image src="https://example.com/a.png" alt="" width="536px" />
<mj-button href="https://example.com/">link</mj-button><mj-divider /><mj-spacer height="8px" />
</mj-column></mj-section></mj-body></mjml>`;
  for (let round = 0; round < 3; round++) await compileMjml(sample);
}
