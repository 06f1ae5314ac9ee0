import { Link as TiptapLink } from '@tiptap/extension-link';
import { isAllowedHref } from './isAllowedHref';

/** The `rel` every link carries, in the editor and in published HTML. */
export const LINK_REL = 'noopener noreferrer';

/**
 * A hyperlink mark. Only http(s) and mailto hrefs are accepted (see `isAllowedHref`); pasted or
 * typed links to anything else are not created. Links never open a new window (`target` is unset).
 */
export const Link = TiptapLink.configure({
  openOnClick: false,
  autolink: true,
  linkOnPaste: true,
  defaultProtocol: 'https',
  protocols: [],
  HTMLAttributes: { rel: LINK_REL, target: null, class: null },
  isAllowedUri: (url) => isAllowedHref(url),
  shouldAutoLink: (url) => isAllowedHref(url),
});
