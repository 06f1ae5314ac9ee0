import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';

type Listener = (event: EventName, payload: unknown) => void;

/**
 * Events from the services to whoever shows them: main forwards them to its windows, the
 * devhost to its server-sent-event streams.
 */
export class EventBus {
  readonly #listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.#listeners) listener(event, payload);
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
