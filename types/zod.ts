import { z } from 'zod'

// The mini-program runtime forbids `new Function`, which zod uses for its fast
// object parser; jitless keeps zod working there (and costs little elsewhere).
z.config({ jitless: true })

export { z }
