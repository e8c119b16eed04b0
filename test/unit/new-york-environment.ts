/**
 * A jest environment whose process runs in America/New_York, for tests that
 * prove the app shows Beijing time on a phone set to another zone. TZ must be
 * set in the worker process itself (a test file's process.env is a copy), and
 * is put back after the file so the next file in the worker keeps its zone.
 */
import NodeEnvironment from 'jest-environment-node'

export default class NewYorkEnvironment extends NodeEnvironment {
  private previous: string | undefined

  async setup(): Promise<void> {
    this.previous = process.env.TZ
    process.env.TZ = 'America/New_York'
    await super.setup()
  }

  async teardown(): Promise<void> {
    if (this.previous === undefined) delete process.env.TZ
    else process.env.TZ = this.previous
    await super.teardown()
  }
}
