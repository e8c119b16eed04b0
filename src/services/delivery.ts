import type { CallEnvelope } from '../../types/api'

/**
 * What a transport reports: the function's raw reply, or why none arrived.
 * `call` turns either into a `Result`; transports never throw.
 */
export type Delivery =
  | { delivered: true; body: unknown }
  | { delivered: false; failure: 'SYSTEM.NETWORK' | 'SYSTEM.INTERNAL' | 'SYSTEM.BAD_RESPONSE' }

export type Send = (fn: string, envelope: CallEnvelope) => Promise<Delivery>
