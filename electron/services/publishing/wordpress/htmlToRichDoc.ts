import { DOMParser as PmDomParser } from '@tiptap/pm/model';
import { parseHTML } from 'linkedom';
import type { RichDoc } from '../../../../shared/domain/document';
import { schema } from '../../../../shared/editor/schema';

const parser = PmDomParser.fromSchema(schema);

/**
 * A site's HTML read back into Melding's rich text through the editor's own schema (its
 * parseHTML rules), with linkedom as the DOM in Node. `figureId` names the image use of an
 * `<img>` (by its src), or null to leave the image out; a figure becomes an atom pointing at it.
 * What the schema has no place for keeps its text and loses its markup.
 */
export function htmlToRichDoc(html: string, figureId: (img: { src: string; alt: string }) => string | null): RichDoc {
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  const root = document.getElementById('root');
  if (!root) return { type: 'doc', content: [{ type: 'paragraph' }] };
  // Figures (and bare images, as the block editor writes them) become the editor's figure atoms.
  for (const img of [...root.querySelectorAll('img')]) {
    const id = figureId({ src: img.getAttribute('src') ?? '', alt: img.getAttribute('alt') ?? '' });
    const figure = img.closest('figure') ?? img;
    if (id === null) {
      figure.remove();
      continue;
    }
    const atom = document.createElement('figure');
    atom.setAttribute('data-image-use-id', id);
    // An atom inside a paragraph would split it; put it after the block it sits in.
    const block = figure.parentElement && figure.parentElement !== root && figure.parentElement.tagName === 'P' ? figure.parentElement : null;
    if (block) {
      block.after(atom);
      figure.remove();
    } else figure.replaceWith(atom);
  }
  const node = parser.parse(root as unknown as Node);
  const json = node.toJSON() as RichDoc;
  return json.content && json.content.length > 0 ? json : { type: 'doc', content: [{ type: 'paragraph' }] };
}
