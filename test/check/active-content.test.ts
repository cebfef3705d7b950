import { describe, expect, it } from 'vitest';
import { findActiveContent } from '../../src/check/active-content.js';
import type { CheckInput } from '../../src/check/types.js';

const find = (body: string) => findActiveContent({ html: `<!doctype html><html><head><title>T</title></head><body>${body}</body></html>` } as CheckInput);

describe('findActiveContent', () => {
  it.each([
    ['a script', '<script>alert(1)</script>', 'a <script> element'],
    ['an iframe', '<iframe src="https://example.com/"></iframe>', 'a <iframe> element'],
    ['an object', '<object data="x.swf"></object>', 'a <object> element'],
    ['a base element', '<base href="https://evil.example/">', 'a <base> element'],
    ['an event handler', '<img src="https://example.com/a.jpg" onerror="alert(1)">', 'an event handler attribute (onerror) on <img>'],
    ['an event handler in capitals', '<div ONMOUSEOVER="x()">a</div>', 'an event handler attribute (onmouseover) on <div>'],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>', 'a javascript: URL in href of <a>'],
    ['a javascript: link with entities and a tab', '<a href="jav&#x09;ascript&colon;alert(1)">x</a>', 'a javascript: URL in href of <a>'],
    ['a javascript: link in capitals with spaces', '<a href="  JavaScript:alert(1)">x</a>', 'a javascript: URL in href of <a>'],
    ['a vbscript: image', '<img src="vbscript:msgbox(1)">', 'a vbscript: URL in src of <img>'],
    ['a data: document', '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', 'a data: URL in href of <a>'],
    ['a meta refresh', '<meta http-equiv="Refresh" content="0; url=https://evil.example/">', 'a <meta http-equiv="refresh">'],
    ['a CSS expression', '<div style="width: expression(alert(1))">a</div>', 'a CSS expression() or script URL in the style of <div>'],
    ['a script URL in a style block', '<style>td { background: url("javascript:alert(1)") }</style>', 'a CSS expression() or script URL in <style>'],
    ['a script in an Outlook conditional comment', '<!--[if mso]><script>alert(1)</script><![endif]-->', 'a <script> element'],
    ['an entity-spelt script URL in an Outlook conditional comment', '<!--[if mso]><a href="javascript&#58;alert(1)">x</a><![endif]-->', 'a javascript: URL in href of <a>'],
    ['a handler in an Outlook conditional comment', '<!--[if mso | IE]><table onclick="x()"><tr><td></td></tr></table><![endif]-->', 'an event handler attribute (onclick) on <table>'],
  ])('finds %s', (_name, body, expected) => {
    expect(find(body)).toBe(expected);
  });

  it('passes an ordinary email: links, images, inline styles, Outlook conditional tables, text that only mentions scripts', () => {
    const body = [
      '<!--[if mso | IE]><table role="presentation" border="0" cellpadding="0" cellspacing="0"><tr><td style="width:600px;"><![endif]-->',
      '<a href="https://example.com/a?b=c" style="color: rgb(194, 24, 91); text-decoration: underline;">Link</a>',
      '<a href="mailto:redaktion@example.com">Mail</a>',
      '<img src="https://example.com/a.jpg" alt="onload=1 javascript:alert(1)" style="display:block;width:100%">',
      '<img src="data:image/png;base64,iVBORw0KGgo=" alt="Pixel">',
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; and [klick](javascript:alert(1)) as text</p>',
      '<meta name="color-scheme" content="light dark">',
      '<style>@media (max-width: 480px) { .a { width: 100% !important; } }</style>',
      '<!--[if mso | IE]></td></tr></table><![endif]-->',
    ].join('');
    expect(find(body)).toBeUndefined();
  });
});
