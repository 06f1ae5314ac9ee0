import { Extension } from '@tiptap/core';
import { NodeSelection, Plugin, PluginKey } from '@tiptap/pm/state';

/** Files dropped or pasted into the body, with the body position the images belong at. */
export interface ImageFilesDetail {
  readonly files: readonly File[];
  readonly pos: number;
}

/** The body editor's DOM gets this with an `ImageFilesDetail` when files are dropped or pasted into it. */
export const IMAGE_FILES_EVENT = 'melding:image-files';
/** The body editor's DOM gets this with an image use id when the writer asks to edit a figure's texts. */
export const FIGURE_EDIT_EVENT = 'melding:figure-edit';

function emit<T>(dom: Element, type: string, detail: T): void {
  dom.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true }));
}

/**
 * Images coming into the body from outside: files dropped on it, or an image pasted from the
 * clipboard, are handed to the images panel (an `image-files` event) instead of reaching the
 * paste cleaning, which would drop an `<img>`. A paste that carries text (Word puts a picture of
 * the selection beside its text) stays a text paste. Enter on a selected figure asks for its texts.
 */
export const ImageBodyEvents = Extension.create({
  name: 'imageBodyEvents',
  // Before PasteCleaning and the default Enter handling.
  priority: 1000,

  addKeyboardShortcuts() {
    return {
      Enter: ({ editor }) => {
        const { selection } = editor.state;
        if (!(selection instanceof NodeSelection) || selection.node.type.name !== 'figure') return false;
        emit(editor.view.dom, FIGURE_EDIT_EVENT, String(selection.node.attrs.imageUseId ?? ''));
        return true;
      },
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('imageBodyEvents'),
        props: {
          handleDOMEvents: {
            paste: (view, event) => {
              const data = event.clipboardData;
              if (!data || data.getData('text/plain').trim() !== '') return false;
              const files = [...data.files].filter((file) => file.type.startsWith('image/'));
              if (files.length === 0) return false;
              event.preventDefault();
              emit<ImageFilesDetail>(view.dom, IMAGE_FILES_EVENT, { files, pos: view.state.selection.from });
              return true;
            },
          },
          handleDrop: (view, event, _slice, moved) => {
            const files = [...(event.dataTransfer?.files ?? [])];
            if (moved || files.length === 0) return false;
            event.preventDefault();
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
            // Every dropped file goes to the media store, which says clearly why a PDF or an SVG is refused.
            emit<ImageFilesDetail>(view.dom, IMAGE_FILES_EVENT, { files, pos: at?.pos ?? view.state.selection.from });
            return true;
          },
        },
      }),
    ];
  },
});
