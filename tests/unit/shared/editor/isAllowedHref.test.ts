import { describe, expect, it } from 'vitest';
import { isAllowedHref } from '../../../../shared/editor/isAllowedHref';

describe('isAllowedHref', () => {
  it.each(['https://www.regjeringen.no/no/', 'http://example.no', 'HTTPS://EXAMPLE.NO/a?b=1#c', 'mailto:post@hod.dep.no'])('allows %s', (href) => {
    expect(isAllowedHref(href)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>',
    '/relative',
    './relative',
    'relative',
    '//protocol-relative.example',
    'https:///no-host',
    'https://exa mple.no',
    '\u0000javascript:alert(1)',
    'tel:+4722240000',
    'mailto:',
    undefined,
    null,
    42,
  ])('refuses %j', (href) => {
    expect(isAllowedHref(href)).toBe(false);
  });
});
