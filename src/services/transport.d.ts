// Taro resolves './transport' to transport.weapp.ts or transport.h5.ts for the
// platform being built; this declaration is what the type checker sees.
import type { Send } from './delivery'

export declare const send: Send
