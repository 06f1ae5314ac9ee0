import { Node } from '@tiptap/core';

/**
 * An image placed in the body: an atom block that only points at an `ImageUse` of the document
 * (`imageUseId`). Caption, credit and alt text live on the ImageUse, not here, so a figure is
 * rendered by whoever has the document's images (see `bodyToHtml`'s `figure` option).
 */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return {
      imageUseId: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-image-use-id') ?? '',
        renderHTML: (attributes) => ({ 'data-image-use-id': String(attributes.imageUseId ?? '') }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'figure[data-image-use-id]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['figure', HTMLAttributes];
  },
});
