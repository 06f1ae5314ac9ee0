import { z } from 'zod';
import { AppInfoSchema } from '../domain/appInfo';
import { OutboxSummarySchema } from '../domain/outboxSummary';
import { SettingsPatchSchema, SettingsSchema } from '../domain/settings';
import type { Channel, EventName } from './channels';
import type { Result } from './result';

/** One channel's shape: what the renderer sends and what it gets back inside the Result. */
export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

const NoInput = z.undefined();

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
} as const satisfies { readonly [C in Channel]: ChannelSpec };

/** Payload schemas of the events the services push to the renderer. */
export const events = {
  'settings:changed': SettingsSchema,
  'outbox:changed': OutboxSummarySchema,
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
