/**
 * An article that tries to break out of every place its text lands: markup,
 * `</script>`, comment openers, quotes and event handlers in every field.
 * Each line is valid for the article contract (no control characters), so
 * the article builds and its outputs must stay inert.
 */
export const HOSTILE_TITLE = '</script><script>alert("title")</script> <b>Titel</b> & Co';
export const HOSTILE_QUESTION = '</script><!--<script>alert("question")</script>?';
export const HOSTILE_ANSWER_TEXT = '</script><script>alert(7)</script>';

export const HOSTILE_ARTICLE = `---
title: '${HOSTILE_TITLE}'
category: '</script><img src=x onerror=alert("category")>'
date: 2025-11-05
teaser: '</script><!-- <script>alert("teaser")</script> "quoted" & <svg onload=alert(1)>'
author: '</SCRIPT ><svg onload=alert("author")>'
slug: hostile
image:
  src: 'https://example.com/a.jpg?x="><script>alert(1)</script>'
  alt: '</script><script>alert("alt")</script>'
  caption: '"><iframe src=javascript:alert(1)></iframe>'
check: |
  </script><script>alert("check")</script> [klick](javascript:alert("check"))
faq:
  - question: '${HOSTILE_QUESTION}'
    answer: |
      ${HOSTILE_ANSWER_TEXT}
sources:
  - '</script><script>alert("source")</script>'
  - name: '</script>'
    url: 'https://example.com/?q=</script><script>alert(1)</script>'
---

<script>alert("body")</script>

</script><iframe src="javascript:alert(1)"></iframe> <a href="javascript:alert(1)" onclick="alert(1)">x</a>

[link](javascript:alert("body"))
`;
