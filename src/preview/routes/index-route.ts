import path from 'node:path';
import { sendPage } from '../http.js';
import { sortNewestFirst } from '../preview-state.js';
import { renderIndexPage } from '../render-index-page.js';
import { groupProblems } from '../render-problems.js';
import type { Route } from '../router.js';
import { versionOf, wordsOf, type PreviewContext } from './preview-context.js';

/** `GET /`: the list of newsletters and the build errors, rendered once per build and inbox version. */
export function indexRoutes(context: PreviewContext): Route[] {
  return [
    {
      method: 'GET',
      pattern: /^\/$/,
      async handle({ response }) {
        const state = context.builder.state;
        const page = await context.pages.get('/', versionOf(context), () =>
          renderIndexPage({
            newsletters: sortNewestFirst(state.newsletters.values()),
            failing: new Set(state.articleProblems.keys()),
            problems: groupProblems([...state.configProblems, ...state.buildProblems], state.articleProblems),
            lastBuild: state.lastBuild,
            articlesDir: path.relative(state.config.root, state.config.paths.articles) || '.',
            inboxCount: context.inbox?.messages().length ?? null,
            assetVersion: context.bootId,
            webVersion: state.config.webBaseUrl !== null,
            words: wordsOf(context),
          }),
        );
        sendPage(response, 200, page);
      },
    },
  ];
}
