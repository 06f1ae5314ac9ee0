/** Small inline icons; decorative, so hidden from screen readers. */
export function GearIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M19.4 13a7.6 7.6 0 0 0 0-2l2-1.6-2-3.4-2.4 1a7.4 7.4 0 0 0-1.7-1L15 3.5h-4l-.4 2.5a7.4 7.4 0 0 0-1.7 1l-2.4-1-2 3.4 2 1.6a7.6 7.6 0 0 0 0 2l-2 1.6 2 3.4 2.4-1c.5.4 1.1.7 1.7 1l.4 2.5h4l.4-2.5c.6-.3 1.2-.6 1.7-1l2.4 1 2-3.4-2-1.6ZM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7Z"
        transform="translate(-1 0)"
      />
    </svg>
  );
}

export function DocumentsIcon() {
  return (
    <svg className="icon icon-large" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" focusable="false">
      <rect x="10" y="6" width="24" height="32" rx="3" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M15 14h14M15 20h14M15 26h9" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      <path d="M38 14v26a3 3 0 0 1-3 3H16" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
