import type { z } from 'zod';
import { CHANNELS, type Channel } from '../../shared/ipc/channels';
import { contract, type ChannelOutput, type Contract } from '../../shared/ipc/contract';
import { err, type Result } from '../../shared/ipc/result';
import type { Logger } from './logger';

/** What a service handler receives: the input after zod parsing. */
export type HandlerInput<C extends Channel> = z.output<Contract[C]['input']>;

export type Handlers = {
  readonly [C in Channel]: (input: HandlerInput<C>) => Promise<Result<ChannelOutput<C>>>;
};

/**
 * Who is calling. The host decides (main: the sender frame's origin and that it is the main
 * frame; devhost: the per-run token); the dispatcher only refuses what the host did not trust.
 */
export type SenderVerdict = { readonly trusted: true } | { readonly trusted: false; readonly reason: string };

export type Dispatch = (channel: string, rawInput: unknown, sender: SenderVerdict) => Promise<Result<unknown>>;

const channelSet: ReadonlySet<string> = new Set(CHANNELS);

function isChannel(value: string): value is Channel {
  return channelSet.has(value);
}

/**
 * The one handler wrapper behind ipcMain.handle and the devhost's HTTP route. It checks the
 * sender, parses the input, runs the handler and checks its output against the contract. It
 * never throws: every outcome, a bug included, is a Result.
 */
export function createDispatcher(handlers: Handlers, logger: Logger): Dispatch {
  return async (channel, rawInput, sender) => {
    if (!sender.trusted) {
      logger.warn('ipc.refused', { channel, reason: sender.reason });
      return err('forbidden_sender', `Caller not allowed: ${sender.reason}`);
    }
    if (!isChannel(channel)) return err('unknown_channel', `No such channel: ${String(channel).slice(0, 80)}`);
    const spec = contract[channel];
    const parsed = spec.input.safeParse(rawInput);
    if (!parsed.success) {
      return err('invalid_input', `Invalid input for ${channel}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    }
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<Result<unknown>>;
      const result = await handler(parsed.data);
      if (!result.ok) return result;
      const out = spec.output.safeParse(result.value);
      if (!out.success) {
        logger.error('ipc.bad_output', { channel, issues: out.error.issues.length });
        return err('internal', `Handler for ${channel} returned a value outside the contract`);
      }
      return { ok: true, value: out.data };
    } catch (cause) {
      logger.error('ipc.handler_threw', { channel, error: cause instanceof Error ? cause.message : String(cause) });
      return err('internal', `Handler for ${channel} failed`);
    }
  };
}
