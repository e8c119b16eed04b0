import { config } from 'zod'
import { zhCN } from 'zod/locales'

// The mini-program runtime forbids `new Function`, which zod uses for its fast
// object parser; jitless keeps zod working there. Validation messages are in
// Chinese because members read them (INPUT.INVALID details).
config({ jitless: true, ...zhCN() })

// Consumers `import * as z from './zod'` so bundlers keep only what they use
// (the `z` namespace object would pull in every locale).
export * from 'zod'
