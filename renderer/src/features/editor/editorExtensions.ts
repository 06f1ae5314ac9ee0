import { ListKeymap } from '@tiptap/extension-list';
import { Dropcursor, Gapcursor, UndoRedo } from '@tiptap/extensions';
import type { Extensions } from '@tiptap/react';
import { extensions as bodySchema } from '../../../../shared/editor/extensions';
import { LanguageCheck } from '../language/LanguageCheck';

/**
 * The body editor: exactly the shared schema (so what is written is what the preview and the
 * website get), plus behaviour only — undo/redo, drop and gap cursors, list keys. Nothing here
 * may add a content type. LanguageCheck draws spelling and målform underlines (decorations only).
 */
export const editorExtensions: Extensions = [...bodySchema, UndoRedo.configure({ depth: 200 }), Dropcursor, Gapcursor, ListKeymap, LanguageCheck];
