import { getSchema } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { RichDoc } from '../domain/document';
import { extensions } from './extensions';

/** The ProseMirror schema of a body, built without a DOM or an Editor (works in Node). */
export const schema = getSchema(extensions);

/**
 * The body as a checked ProseMirror document, or null when it does not fit the schema (unknown
 * node or mark types, content in the wrong place). Never throws.
 */
export function parseBody(body: RichDoc): ProseMirrorNode | null {
  try {
    const node = schema.nodeFromJSON(body);
    node.check();
    return node;
  } catch {
    return null;
  }
}
