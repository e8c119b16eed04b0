import { DEMO_TEMPLATE_IDS } from '../../../scripts/seed/demo-messaging'
import type { DemoEmulator } from './demo'

/** The demo's 发展党员待办 template: what the dueScan suites look for in the outbox. */
export const DUE_TEMPLATE = DEMO_TEMPLATE_IDS.developmentDue

/** The 发展党员待办 subscribe messages the emulator has sent so far. */
export const dueSendsOf = async (t: DemoEmulator) =>
  (await t.emu.outbox()).filter(
    (entry) => entry.apiName === 'subscribeMessage.send' && JSON.stringify(entry.params).includes(DUE_TEMPLATE),
  )
