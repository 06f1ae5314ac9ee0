import type { OutboxJobText } from './describeOutboxJob';

/** One job waiting to be sent; `showWhy` false when the list says the one common reason once. */
export function OutboxJobLine({ text, showWhy = true, id }: { readonly text: OutboxJobText; readonly showWhy?: boolean; readonly id?: string }) {
  return (
    <>
      <span id={id} className="outbox-job-what">
        {text.what}
      </span>
      {showWhy || text.blocked ? (
        <span className={`outbox-job-why${text.blocked ? ' is-blocked' : ''}`}>
          {text.blocked ? (
            <span className="outbox-job-icon" aria-hidden="true">
              !
            </span>
          ) : null}
          {text.why}
        </span>
      ) : null}
    </>
  );
}
