import { ListKeymap } from '@tiptap/extension-list';
import { Dropcursor, Gapcursor, UndoRedo } from '@tiptap/extensions';
import type { Extensions } from '@tiptap/react';
import { extensions as bodySchema } from '../../../../shared/editor/extensions';
import { FigureWithView } from '../images/FigureWithView';
import { ImageBodyEvents } from '../images/ImageBodyEvents';
import { LanguageCheck } from '../language/LanguageCheck';
import { PasteCleaning } from '../paste/PasteCleaning';
import { LinkTargetHighlight } from '../toolbar/LinkTargetHighlight';
import { ToolbarKeys } from '../toolbar/ToolbarKeys';

/**
 * The body editor: exactly the shared schema (so what is written is what the preview and the
 * website get), plus behaviour only — undo/redo, drop and gap cursors, list keys, paste cleaning,
 * the toolbar's shortcuts, and LanguageCheck's spelling and målform underlines (decorations
 * only). Nothing here may add a content type. The figure keeps its schema and only gets a view
 * (the image with caption and credit); images dropped or pasted into the body go to the images panel.
 */
export const editorExtensions: Extensions = [
  ...bodySchema.map((extension) => (extension.name === 'figure' ? FigureWithView : extension)),
  ImageBodyEvents,
  UndoRedo.configure({ depth: 200 }),
  Dropcursor,
  Gapcursor,
  ListKeymap,
  PasteCleaning,
  ToolbarKeys,
  LinkTargetHighlight,
  LanguageCheck,
];
