import type { Document, DocumentContent, RichNode } from '../../../shared/domain/document';
import type { LanguageBlock } from '../../../shared/domain/language';
import { APPROVAL_CARRYING_ACTIONS } from '../../../shared/domain/outboxJob';
import { plainText } from '../../../shared/domain/plainText';
import { blockingItems, preflight, type PreflightItem, type PreflightStage } from '../../../shared/domain/preflight';
import type { WorkflowAction } from '../../../shared/domain/vocabulary';
import { transition } from '../../../shared/domain/workflow';
import { err, ok, type Result } from '../../../shared/ipc/result';
import type { LanguageService } from '../language/languageService';
import type { Library, SaveAck } from '../library/library';
import type { Logger } from '../logger';
import type { OutboxStore } from '../outbox/outboxStore';
import type { GrantSource } from '../profiles/currentGrant';
import type { ProfileStore } from '../profiles/profileStore';
import type { SettingsService } from '../settingsService';

export interface WorkflowServiceDeps {
  readonly library: Library;
  readonly outbox: OutboxStore;
  readonly profiles: ProfileStore;
  readonly settings: SettingsService;
  readonly language: Pick<LanguageService, 'check'>;
  readonly grants: GrantSource;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly newId: () => string;
}

export interface TransitionRequest {
  readonly id: string;
  readonly action: WorkflowAction;
  readonly comment: string;
  readonly baseRevision: number;
  /** Open spelling errors do not block: the user looked at the marked words and accepts them. */
  readonly acceptSpelling: boolean;
  readonly approvalHash?: string;
}

/** The checklist each step runs; steps without one (withdraw, return, reopen …) run none. */
const STAGE_OF: Partial<Record<WorkflowAction, PreflightStage>> = { submit: 'submit', approve: 'submit', publish: 'publish', schedule: 'publish' };

/** The language check takes at most this many blocks per call. */
const BLOCKS_PER_CHECK = 2000;

/**
 * Workflow steps as the active profile takes them: checks roles and what the backend grants,
 * runs the pre-flight checklist (with the spelling and målform check over the saved text),
 * applies the state machine, writes the document with a history snapshot, and queues the step
 * for the backend. Works without a network: queueing is local, the outbox runner sends.
 */
export class WorkflowService {
  constructor(private readonly deps: WorkflowServiceDeps) {}

  /**
   * Autosave through the workflow: a save that changes an approved text revokes the approval
   * (Library.save) and the revocation is queued, so the site learns its item is no longer
   * approved (the runner completes it at once where that means nothing).
   */
  async save(id: string, baseRevision: number, content: DocumentContent): Promise<Result<SaveAck>> {
    const saved = await this.deps.library.save(id, baseRevision, content);
    if (!saved.ok || !saved.value.revoked) return saved;
    // A publish or schedule still waiting carries the approval this edit revoked: void now.
    const dropped = await this.deps.outbox.dropUnsent(id, APPROVAL_CARRYING_ACTIONS);
    if (!dropped.ok) this.deps.logger.error('workflow.drop_failed', { id, error: dropped.error.message });
    const queued = await this.deps.outbox.enqueue({
      documentId: id,
      action: 'revoke',
      backendId: this.deps.settings.get().activeBackendId,
      actor: this.deps.profiles.actor(),
      docRevision: saved.value.revision,
      approvalHash: null,
      comment: '',
    });
    if (!queued.ok) this.deps.logger.error('workflow.enqueue_failed', { id, action: 'revoke', error: queued.error.message });
    return saved;
  }

  async preflight(id: string, stage: PreflightStage): Promise<Result<{ items: PreflightItem[] }>> {
    const loaded = await this.deps.library.get(id);
    if (!loaded.ok) return loaded;
    return ok({ items: await this.checklist(loaded.value.document, stage) });
  }

  async transition(request: TransitionRequest): Promise<Result<Document>> {
    const { library, outbox, profiles, settings, grants, now, newId, logger } = this.deps;
    const profile = profiles.active();
    const actor = profiles.actor();
    const backendId = settings.get().activeBackendId;
    const grant = grants(backendId)?.capabilities ?? null;
    const result = await library.applyWorkflow(request.id, request.baseRevision, async (doc) => {
      const at = now();
      const next = transition(doc, request.action, { actor, roles: profile.roles }, at, {
        comment: request.comment,
        newId,
        grant,
        ...(request.approvalHash === undefined ? {} : { approvalHash: request.approvalHash }),
      });
      if (!next.ok) return next;
      const stage = STAGE_OF[request.action];
      if (stage) {
        const blocking = blockingItems(await this.checklist(doc, stage, at), request.acceptSpelling);
        if (blocking.length > 0) return err('preflight_blocked', `Blocking checks: ${blocking.map((item) => item.id).join(', ')}`);
      }
      return next;
    });
    if (!result.ok) return result;
    const doc = result.value;
    const queued = await outbox.enqueue({
      documentId: doc.id,
      action: request.action,
      backendId,
      actor,
      docRevision: doc.revision,
      approvalHash: request.action === 'publish' || request.action === 'schedule' ? (doc.approval?.hash ?? null) : null,
      comment: request.comment.trim(),
    });
    // The step is recorded in the document either way; a sync later carries the current state.
    if (!queued.ok) logger.error('workflow.enqueue_failed', { id: doc.id, action: request.action, error: queued.error.message });
    return ok(doc);
  }

  private async checklist(doc: Document, stage: PreflightStage, now = this.deps.now()): Promise<PreflightItem[]> {
    const counts = await this.languageCounts(doc);
    return preflight(doc, stage, { now, spelling: counts ? { open: counts.spelling } : null, maalformIssues: counts?.maalform ?? null });
  }

  /** Marked words over title, ingress and body; null when the check cannot run (no dictionary). */
  private async languageCounts(doc: Document): Promise<{ spelling: number; maalform: number } | null> {
    const blocks = languageBlocks(doc);
    let spelling = 0;
    let maalform = 0;
    for (let i = 0; i < blocks.length; i += BLOCKS_PER_CHECK) {
      const checked = await this.deps.language.check(doc.maalform, blocks.slice(i, i + BLOCKS_PER_CHECK));
      if (!checked.ok) {
        this.deps.logger.warn('workflow.language_check_failed', { id: doc.id, code: checked.error.code });
        return null;
      }
      for (const block of checked.value.blocks) {
        for (const issue of block.issues) {
          if (issue.kind === 'spelling') spelling++;
          else maalform++;
        }
      }
    }
    return { spelling, maalform };
  }
}

/** Title, ingress and every text block of the body, as the editor sends them for checking. */
export function languageBlocks(doc: Pick<Document, 'title' | 'ingress' | 'body'>): LanguageBlock[] {
  const blocks: LanguageBlock[] = [];
  const add = (key: string, text: string) => {
    if (text.trim() !== '') blocks.push({ key, text: text.slice(0, 100_000) });
  };
  add('title', doc.title);
  add('ingress', doc.ingress);
  let n = 0;
  const walk = (node: RichNode) => {
    if (node.content?.some((child) => child.type === 'text' || child.type === 'hardBreak')) {
      add(`b${n++}`, plainText(node));
      return;
    }
    for (const child of node.content ?? []) walk(child);
  };
  for (const node of doc.body.content ?? []) walk(node);
  return blocks;
}
