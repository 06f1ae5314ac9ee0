import type { OutboxSummary } from '../../shared/domain/outboxSummary';

/**
 * How many remote operations wait to be sent. The outbox itself (persisted jobs, retries)
 * arrives with publishing; until then nothing is ever queued, and this says so truthfully.
 */
export class OutboxSummaryService {
  summary(): OutboxSummary {
    return { waiting: 0, failing: 0 };
  }
}
