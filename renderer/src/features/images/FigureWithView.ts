import { ReactNodeViewRenderer } from '@tiptap/react';
import { Figure } from '../../../../shared/editor/Figure';
import { FigureView } from './FigureView';

/**
 * The shared figure node (schema unchanged, DOM-free) with a React view for the editor only: the
 * image, caption and credit come from the document's image uses through `DocumentImagesContext`.
 */
export const FigureWithView = Figure.extend({
  addNodeView() {
    return ReactNodeViewRenderer(FigureView);
  },
});
