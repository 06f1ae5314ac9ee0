import { z } from 'zod';
import { AppInfoSchema } from '../domain/appInfo';
import { ContactSchema } from '../domain/contact';
import { DocumentContentSchema, DocumentSchema, DocumentTypeSchema, MaalformSchema, WorkflowStatusSchema } from '../domain/document';
import { DocumentSummarySchema } from '../domain/documentSummary';
import {
  LanguageChangedSchema,
  LanguageCheckInputSchema,
  LanguageCheckOutputSchema,
  LanguageStatusSchema,
  LanguageWordInputSchema,
  PersonalWordsSchema,
  SuggestionsSchema,
} from '../domain/language';
import { LibraryPageSchema, LibraryQuerySchema } from '../domain/libraryQuery';
import { MeterAnswerSchema, MeterQuerySchema, NynorskNudgeSchema } from '../domain/maalformMeterSchema';
import { MediaIdSchema, MediaInfoSchema } from '../domain/media';
import { RevisionInfoSchema } from '../domain/revision';
import { OutboxSummarySchema } from '../domain/outboxSummary';
import { SettingsPatchSchema, SettingsSchema } from '../domain/settings';
import { BackendGrantSchema } from '../domain/backendGrantSchema';
import { OutboxJobSchema } from '../domain/outboxJob';
import { PreflightItemSchema } from '../domain/preflightItemSchema';
import { ProfileSchema, RoleSchema } from '../domain/profile';
import { WorkflowActionSchema } from '../domain/workflowRecord';
import {
  BackendViewSchema,
  ConflictChoiceSchema,
  ConflictViewSchema,
  ConnectionReportSchema,
  PublishingProgressSchema,
  PullProgressSchema,
  PublishingStatusSchema,
  WordPressDraftSchema,
} from '../domain/publishing';
import {
  TranslateDocumentInputSchema,
  TranslateDocumentOutputSchema,
  TranslationProgressSchema,
  TranslationStatusSchema,
  TranslationTestSchema,
} from '../domain/translation';
import type { Channel, EventName } from './channels';
import { ERROR_CODES, type Result } from './result';

/** One channel's shape: what the renderer sends and what it gets back inside the Result. */
export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

const NoInput = z.undefined();
const DocumentId = z.object({ id: z.uuid() }).strict();
const RevisionId = z.string().regex(/^\d{6}$/);
/** Files cross the contract as base64: JSON carries no bytes, and both hosts speak JSON. */
const Base64 = z.string().max(400 * 1024 * 1024).regex(/^[A-Za-z0-9+/]*={0,2}$/);
/**
 * An image file as base64: room for a little more than the 100 MB the media store accepts, so a
 * file just over the limit is answered with media_too_large rather than invalid_input. The
 * renderer checks `File.size` against MEDIA_MAX_BYTES before reading anything bigger.
 */
const MediaBase64 = Base64.max(140 * 1024 * 1024);
const MediaPickItem = z.discriminatedUnion('outcome', [
  z.object({ fileName: z.string().max(500), outcome: z.literal('ok'), media: MediaInfoSchema, duplicate: z.boolean() }),
  z.object({ fileName: z.string().max(500), outcome: z.literal('error'), error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }) }),
]);

/**
 * The single map of every call the renderer can make. Adding a capability means adding its
 * channels here (and to CHANNELS); the preload, the devhost client, the dispatcher and the
 * renderer's API type all follow from it.
 */
export const contract = {
  'app:info': { input: NoInput, output: AppInfoSchema },
  'settings:get': { input: NoInput, output: SettingsSchema },
  'settings:update': { input: SettingsPatchSchema, output: SettingsSchema },
  'shell:openExternal': { input: z.object({ url: z.string().max(2048) }).strict(), output: z.null() },
  'outbox:summary': { input: NoInput, output: OutboxSummarySchema },
  'library:list': {
    input: z.object({ query: LibraryQuerySchema, offset: z.number().int().nonnegative(), limit: z.number().int().min(1).max(500) }).strict(),
    output: LibraryPageSchema,
  },
  'library:addSamples': { input: NoInput, output: z.object({ added: z.number().int().nonnegative() }) },
  'library:emptyBin': { input: NoInput, output: z.object({ removed: z.number().int().nonnegative() }) },
  'documents:create': { input: z.object({ type: DocumentTypeSchema, maalform: MaalformSchema }).strict(), output: DocumentSchema },
  'documents:get': { input: DocumentId, output: z.object({ document: DocumentSchema, recoveredFrom: z.string().nullable() }) },
  'documents:save': {
    input: z.object({ id: z.uuid(), baseRevision: z.number().int().nonnegative(), content: DocumentContentSchema }).strict(),
    /**
     * `status` is the document's status after the save; `revoked` is true when the save changed
     * an approved text, so its approval was revoked and it went back for approval.
     */
    output: z.object({ id: z.uuid(), revision: z.number().int(), updatedAt: z.string(), status: WorkflowStatusSchema, revoked: z.boolean() }),
  },
  'documents:snapshot': { input: DocumentId, output: RevisionInfoSchema },
  'documents:revisions': { input: DocumentId, output: z.array(RevisionInfoSchema) },
  'documents:revision': { input: z.object({ id: z.uuid(), revisionId: RevisionId }).strict(), output: DocumentSchema },
  'documents:restoreRevision': {
    input: z.object({ id: z.uuid(), revisionId: RevisionId, baseRevision: z.number().int().nonnegative() }).strict(),
    output: DocumentSchema,
  },
  'documents:duplicate': { input: z.object({ id: z.uuid(), title: z.string().max(1000) }).strict(), output: DocumentSchema },
  'documents:trash': { input: DocumentId, output: DocumentSchema },
  'documents:untrash': { input: DocumentId, output: DocumentSchema },
  'documents:export': { input: DocumentId, output: z.object({ fileName: z.string(), data: Base64 }) },
  'documents:import': {
    input: z.object({ fileName: z.string().max(500), data: Base64, resolution: z.enum(['ask', 'keep-both', 'replace']) }).strict(),
    output: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('imported'), document: DocumentSchema }),
      z.object({ outcome: z.literal('unchanged'), document: DocumentSchema }),
      z.object({ outcome: z.literal('conflict'), existing: DocumentSummarySchema, incoming: DocumentSummarySchema }),
    ]),
  },
  'contacts:list': { input: NoInput, output: z.array(ContactSchema) },
  /** Creates (id null) or updates a register entry; the service validates it (contact_invalid). */
  'contacts:save': {
    input: z.object({ id: z.string().min(1).max(64).nullable(), name: z.string().max(1000), roleNb: z.string().max(1000), roleNn: z.string().max(1000), phone: z.string().max(1000), email: z.string().max(1000) }).strict(),
    output: ContactSchema,
  },
  'contacts:remove': { input: z.object({ id: z.string().min(1).max(64) }).strict(), output: z.null() },
  /** Spelling and målform issues of the given blocks; the personal dictionary applies. */
  'language:check': { input: LanguageCheckInputSchema, output: LanguageCheckOutputSchema },
  /** Spelling suggestions; a newer request for the same målform cancels queued older ones. */
  'language:suggest': { input: LanguageWordInputSchema, output: SuggestionsSchema },
  'language:addWord': { input: LanguageWordInputSchema, output: PersonalWordsSchema },
  'language:removeWord': { input: LanguageWordInputSchema, output: PersonalWordsSchema },
  'language:personalWords': { input: z.object({ maalform: MaalformSchema }).strict(), output: PersonalWordsSchema },
  'language:status': { input: NoInput, output: LanguageStatusSchema },
  /** Adds a photo from bytes the renderer has (file chooser, drop, paste); stored once per content. */
  'media:ingest': {
    input: z.object({ fileName: z.string().min(1).max(500), data: MediaBase64 }).strict(),
    output: z.object({ media: MediaInfoSchema, duplicate: z.boolean() }),
  },
  /**
   * The system's file dialog, files read by path in the services; one outcome per file. Where
   * the host has no native dialog (devhost) it answers media_picker_unavailable and the
   * renderer uses `<input type=file>` with media:ingest instead.
   */
  'media:pick': {
    input: z.object({ multiple: z.boolean() }).strict(),
    output: z.object({ picked: z.boolean(), items: z.array(MediaPickItem) }),
  },
  'media:get': { input: z.object({ id: MediaIdSchema }).strict(), output: MediaInfoSchema },
  /** Media no document (bin included) and no stored revision refers to. */
  'media:unused': { input: NoInput, output: z.object({ items: z.array(MediaInfoSchema), bytes: z.number().int().nonnegative() }) },
  /** Removes the given media; each is checked again and kept if anything still refers to it. */
  'media:removeUnused': {
    input: z.object({ ids: z.array(MediaIdSchema).max(10_000) }).strict(),
    output: z.object({ removed: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() }),
  },
  // --- workflow and profiles (issue 7) ---
  /** Unfinished outbox jobs, oldest first; of one document, or of all with null. */
  'outbox:list': { input: z.object({ documentId: z.uuid().nullable() }).strict(), output: z.array(OutboxJobSchema) },
  'profiles:list': { input: NoInput, output: z.array(ProfileSchema) },
  /** Creates (id null) or updates a profile; the service validates it (profile_invalid). */
  'profiles:save': {
    input: z.object({ id: z.string().min(1).max(64).nullable(), name: z.string().max(1000), email: z.string().max(1000), roles: z.array(RoleSchema).max(3) }).strict(),
    output: ProfileSchema,
  },
  /** Refused for the active profile (profile_active). */
  'profiles:remove': { input: z.object({ id: z.string().min(1).max(64) }).strict(), output: z.null() },
  'profiles:activate': { input: z.object({ id: z.string().min(1).max(64) }).strict(), output: SettingsSchema },
  /** The active profile and what the active backend grants it (null when not known). */
  'profiles:current': { input: NoInput, output: z.object({ profile: ProfileSchema, grant: BackendGrantSchema.nullable() }) },
  /**
   * One workflow step by the active profile. Runs the pre-flight checklist for submit, approve,
   * publish and schedule (preflight_blocked; open spelling errors pass with acceptSpelling).
   * `approvalHash` (optional): for approve, the hash of the text the editor read; for publish
   * and schedule, the approval the publisher saw (approval_mismatch if it differs).
   */
  'workflow:transition': {
    input: z
      .object({
        id: z.uuid(),
        action: WorkflowActionSchema,
        comment: z.string().max(5000),
        baseRevision: z.number().int().nonnegative(),
        acceptSpelling: z.boolean(),
        approvalHash: z.string().regex(/^[a-f0-9]{64}$/).optional(),
      })
      .strict(),
    output: DocumentSchema,
  },
  'workflow:preflight': { input: z.object({ id: z.uuid(), stage: z.enum(['submit', 'publish']) }).strict(), output: z.object({ items: z.array(PreflightItemSchema) }) },
  /** The målform meter: Nynorsk and Bokmål by month, quarter and year (Oslo time), from the library and the site. */
  'meter:figures': { input: MeterQuerySchema, output: MeterAnswerSchema },
  /** Whether a new document should suggest Nynorsk (this year's share under 25 %, not dismissed). */
  'meter:nudge': { input: NoInput, output: NynorskNudgeSchema },
  /** Which Apertium the settings choose (command line or apertium-apy), and whether it is there. */
  'translation:status': { input: NoInput, output: TranslationStatusSchema },
  /** Translates a test sentence with the engine in use (Settings). */
  'translation:test': { input: NoInput, output: TranslationTestSchema },
  /**
   * The document's texts into the other målform, stored as a new revision with 'before-translate'
   * and 'translate' snapshots; answers the stored document and the words Apertium did not know.
   */
  'translation:translateDocument': { input: TranslateDocumentInputSchema, output: TranslateDocumentOutputSchema },
  /** Stops a running translation of the document; answers whether one was running. */
  'translation:cancel': { input: DocumentId, output: z.object({ cancelled: z.boolean() }) },
  // --- publishing (issue 8) ---
  /** The configured backends (the local site first) and which one is active. */
  'backends:list': { input: NoInput, output: z.object({ backends: z.array(BackendViewSchema), activeId: z.string() }) },
  /**
   * Creates (id null) or changes a WordPress backend; the password is sealed by the platform
   * and never answered back (backend_invalid for a bad address or an empty user name).
   */
  'backends:saveWordPress': { input: WordPressDraftSchema, output: BackendViewSchema },
  /** Removes a WordPress backend and its sealed password; the local site cannot be removed. */
  'backends:remove': { input: z.object({ id: z.string().min(1).max(200) }).strict(), output: z.null() },
  /** Makes a backend the one new steps are sent to. */
  'backends:activate': { input: z.object({ id: z.string().min(1).max(200) }).strict(), output: SettingsSchema },
  /**
   * "Test connection": checks the credentials explicitly (WordPress: users/me?context=edit) and
   * answers who the user is, their roles, what they may do and whether the companion plugin is
   * there. With `draft`, tests the form's values before they are saved (password null: the
   * stored one of draft.id); without, the saved backend `id`. A success is stored as lastReport.
   */
  'backends:test': {
    input: z.object({ id: z.string().min(1).max(200), draft: WordPressDraftSchema.nullable() }).strict(),
    output: ConnectionReportSchema,
  },
  /** Whether the runner sends now (or is paused or offline), and the jobs under way. */
  'publishing:status': { input: NoInput, output: PublishingStatusSchema },
  /**
   * The network came back (the window's `online` event, or Electron's): jobs waiting after a
   * network error (backend_unreachable, backend_timeout) are due now instead of after their backoff.
   */
  'publishing:wake': { input: NoInput, output: PublishingStatusSchema },
  /** Tries a waiting or blocked job again now (after fixing a password, say). */
  'publishing:retry': { input: z.object({ jobId: z.uuid() }).strict(), output: OutboxJobSchema },
  /** Drops a job that has not been sent (never a running one: outbox_job_running). */
  'publishing:cancel': { input: z.object({ jobId: z.uuid() }).strict(), output: z.null() },
  /** A blocked job's conflict: the item as it is on the site now (conflict_not_found if none). */
  'publishing:conflict': { input: z.object({ jobId: z.uuid() }).strict(), output: ConflictViewSchema },
  /**
   * Resolves a conflict. 'site': the site's version becomes the local text (a new revision,
   * snapshot 'before-conflict' first) and the job is dropped. 'mine': the local text is sent
   * over the site's. 'merged': `content` (edited by hand from both) is saved and sent.
   * `siteVersion` is the version the user looked at (remote_conflict again if it moved on).
   */
  'publishing:resolveConflict': {
    input: z
      .object({
        jobId: z.uuid(),
        choice: ConflictChoiceSchema,
        siteVersion: z.string().max(200),
        baseRevision: z.number().int().nonnegative(),
        content: DocumentContentSchema.nullable(),
      })
      .strict(),
    output: DocumentSchema,
  },
  /**
   * Fetches the items waiting for approval on the active site (WordPress 'pending') into the
   * library, with their images, so an editor can review and approve them offline.
   */
  'publishing:pullPending': {
    input: NoInput,
    output: z.object({ added: z.number().int().nonnegative(), updated: z.number().int().nonnegative(), unchanged: z.number().int().nonnegative(), ids: z.array(z.uuid()) }),
  },
  /** The local site's index page: its file path and file:// URL; opened in the user's browser where the host can. */
  'publishing:openLocalSite': { input: NoInput, output: z.object({ path: z.string(), url: z.string(), opened: z.boolean() }) },
} as const satisfies { readonly [C in Channel]: ChannelSpec };

/** Payload schemas of the events the services push to the renderer. */
export const events = {
  'settings:changed': SettingsSchema,
  'outbox:changed': OutboxSummarySchema,
  /** Documents were added, changed or removed; `ids` may be empty for "many". */
  'library:changed': z.object({ ids: z.array(z.string()) }),
  /** Something the user must hear about that happened after start (a damaged file, say). */
  'app:notice': z.object({ code: z.string(), detail: z.string() }),
  /** The contact register changed (in this window or another). */
  'contacts:changed': z.object({ contacts: z.array(ContactSchema) }),
  /** A personal dictionary changed; open editors of that målform check again. */
  'language:changed': LanguageChangedSchema,
  /** Profiles were added, changed or removed, or another one became active. */
  'profiles:changed': z.object({ profiles: z.array(ProfileSchema), activeId: z.string() }),
  /** A running translation: `done` of `total` texts are back from Apertium. */
  'translation:progress': TranslationProgressSchema,
  /** A backend was added, changed, tested or removed, or another became active. */
  'backends:changed': z.object({ backends: z.array(BackendViewSchema), activeId: z.string() }),
  /** Progress of a job being sent (image uploads, writing pages); `finished` once at the end. */
  'publishing:progress': PublishingProgressSchema,
  /** A pull for review (publishing:pullPending): how far it has come. */
  'publishing:pullProgress': PullProgressSchema,
} as const satisfies { readonly [E in EventName]: z.ZodType };

export type Contract = typeof contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

type NamespaceOf<C extends string> = C extends `${infer N}:${string}` ? N : never;
type VerbOf<C extends string, N extends string> = C extends `${N}:${infer V}` ? V : never;

/** A call with no input takes no argument. */
type Call<C extends Channel> =
  ChannelInput<C> extends undefined
    ? () => Promise<Result<ChannelOutput<C>>>
    : (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;

type Capitalize2<S extends string> = S extends `${infer A}-${infer B}` ? `${Capitalize<A>}${Capitalize2<B>}` : Capitalize<S>;
type ListenerName<E extends string> = E extends `${infer N}:${infer V}` ? `on${Capitalize<N>}${Capitalize2<V>}` : never;

/**
 * What `window.melding` is: one function per channel, grouped by namespace
 * (`melding.settings.update(patch)`), and one `onEvent(callback) -> unsubscribe` per event.
 */
export type MeldingApi = {
  readonly [N in NamespaceOf<Channel>]: { readonly [V in VerbOf<Channel, N>]: Call<`${N}:${V}` & Channel> };
} & {
  readonly [E in EventName as ListenerName<E>]: (listener: (payload: EventPayload<E>) => void) => () => void;
};
