/**
 * What the configured backend lets the active user do. Zod-free: the renderer uses it to offer
 * only what the backend will accept. The schema is in backendGrantSchema.ts.
 */
export interface BackendCapabilities {
  /** Send a text to the site for review (WordPress: a pending post). */
  readonly submit: boolean;
  /** Approve others' texts (WordPress: edit_others_posts). */
  readonly approve: boolean;
  /** Publish and schedule (WordPress: publish_posts). */
  readonly publish: boolean;
  /** Upload images (WordPress: upload_files). */
  readonly uploadMedia: boolean;
  /** Take a published item down (WordPress: edit_published_posts / delete_published_posts). */
  readonly unpublish: boolean;
}

export type BackendKind = 'local-site' | 'wordpress';

export interface BackendGrant {
  readonly backendId: string;
  readonly kind: BackendKind;
  /** The user name on the backend (empty for the local site). */
  readonly userName: string;
  readonly displayName: string;
  /** The backend's own role names (WordPress: contributor, author, editor, administrator). */
  readonly roles: readonly string[];
  readonly capabilities: BackendCapabilities;
  /** When the connection was last tested. */
  readonly checkedAt: string;
}

/** The embedded local site lets everyone do everything: it is a folder on this machine. */
export function localSiteGrant(now: Date): BackendGrant {
  return {
    backendId: 'local-site',
    kind: 'local-site',
    userName: '',
    displayName: '',
    roles: [],
    capabilities: { submit: true, approve: true, publish: true, uploadMedia: true, unpublish: true },
    checkedAt: now.toISOString(),
  };
}
