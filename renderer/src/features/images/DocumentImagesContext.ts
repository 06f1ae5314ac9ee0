import { createContext, useContext } from 'react';
import type { ImageUse } from '../../../../shared/domain/document';
import type { Maalform } from '../../../../shared/domain/vocabulary';

/** What a figure in the body needs to show its image as it will be published. */
export interface DocumentImages {
  readonly images: readonly ImageUse[];
  readonly maalform: Maalform;
  /** Moves focus to the texts of an image use in the images panel. */
  readonly editUse: (imageUseId: string) => void;
}

export const DocumentImagesContext = createContext<DocumentImages>({ images: [], maalform: 'nb', editUse: () => undefined });

/** The document's image uses, for node views rendered inside the body editor. */
export function useDocumentImages(): DocumentImages {
  return useContext(DocumentImagesContext);
}
