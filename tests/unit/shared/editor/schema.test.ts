import { describe, expect, it } from 'vitest';
import type { RichDoc } from '../../../../shared/domain/document';
import { EMPTY_BODY } from '../../../../shared/domain/document';
import { SAMPLE_DOCUMENTS } from '../../../../shared/domain/samples';
import { extensions } from '../../../../shared/editor/extensions';
import { parseBody, schema } from '../../../../shared/editor/schema';

const p = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('body schema', () => {
  it('has exactly the node and mark types a press release body may contain', () => {
    expect(Object.keys(schema.nodes).sort()).toEqual(
      ['blockquote', 'bulletList', 'doc', 'figure', 'hardBreak', 'heading', 'listItem', 'orderedList', 'paragraph', 'text'].sort(),
    );
    expect(Object.keys(schema.marks).sort()).toEqual(['bold', 'italic', 'link']);
    expect(extensions.map((e) => e.name)[0]).toBe('doc');
  });

  it.each(SAMPLE_DOCUMENTS.map((s) => [s.sampleKey, s.body] as const))('accepts the body of sample %s', (_key, body) => {
    const node = parseBody(body);
    expect(node).not.toBeNull();
    expect(node?.textContent.length).toBeGreaterThan(0);
  });

  it('accepts the empty body and every block the editor offers', () => {
    expect(parseBody(EMPTY_BODY)).not.toBeNull();
    const body: RichDoc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Sub' }] },
        { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [p('one'), { type: 'bulletList', content: [{ type: 'listItem', content: [p('nested')] }] }] }] },
        { type: 'blockquote', content: [p('quoted')] },
        { type: 'figure', attrs: { imageUseId: 'use-1' } },
        { type: 'paragraph', content: [{ type: 'text', text: 'a' }, { type: 'hardBreak' }, { type: 'text', text: 'b', marks: [{ type: 'bold' }, { type: 'italic' }] }] },
      ],
    };
    expect(parseBody(body)).not.toBeNull();
  });

  it('keeps only imageUseId on a figure, and gives a heading without a level level 2', () => {
    const node = parseBody({
      type: 'doc',
      content: [
        { type: 'figure', attrs: { imageUseId: 'use-1', src: 'https://x.test/a.png', caption: 'no' } },
        { type: 'heading', content: [{ type: 'text', text: 'Sub' }] },
      ],
    });
    expect(node?.toJSON()).toEqual({
      type: 'doc',
      content: [
        { type: 'figure', attrs: { imageUseId: 'use-1' } },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Sub' }] },
      ],
    });
  });

  it.each<[string, RichDoc]>([
    ['an unknown node type', { type: 'doc', content: [{ type: 'codeBlock', content: [{ type: 'text', text: 'x' }] }] }],
    ['an unknown mark type', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'strike' }] }] }] }],
    ['text directly in the document', { type: 'doc', content: [{ type: 'text', text: 'x' }] }],
    ['a paragraph inside a paragraph', { type: 'doc', content: [{ type: 'paragraph', content: [p('x')] }] }],
    ['a list without items', { type: 'doc', content: [{ type: 'bulletList', content: [p('x')] }] }],
    ['an empty document', { type: 'doc', content: [] }],
    ['a figure inside a paragraph', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'figure', attrs: { imageUseId: 'a' } }] }] }],
  ])('refuses %s', (_name, body) => {
    expect(parseBody(body)).toBeNull();
  });
});
