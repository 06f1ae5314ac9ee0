/** The toolbar's line icons (24×24, drawn with currentColor so they follow the text colour). */
const PATHS = {
  bulletList: 'M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01',
  orderedList: 'M10 6h10M10 12h10M10 18h10M4 5l1.5-1V9M3.5 14.5c.5-1 2.5-1 2.5.3 0 1-2.5 1.7-2.5 3.2h2.6',
  blockquote: 'M6 17c-1.5 0-2-1.2-2-3 0-3 1.5-5.5 4-7M15 17c-1.5 0-2-1.2-2-3 0-3 1.5-5.5 4-7M6 17a2 2 0 1 0 0-4 2 2 0 0 0 0 4M15 17a2 2 0 1 0 0-4 2 2 0 0 0 0 4',
  link: 'M10 14a4 4 0 0 0 5.7.3l3-3a4 4 0 0 0-5.7-5.7l-1.2 1.2M14 10a4 4 0 0 0-5.7-.3l-3 3a4 4 0 0 0 5.7 5.7l1.2-1.2',
  undo: 'M9 14L4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11',
  redo: 'M15 14l5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13',
} as const;

export type ToolbarIconName = keyof typeof PATHS;

/** A decorative icon: the button it sits in carries the accessible name. */
export function ToolbarIcon({ name }: { readonly name: ToolbarIconName }) {
  return (
    <svg className="toolbar-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
