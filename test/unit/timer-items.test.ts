// A timer's items: each starts only before the run's deadline, fails alone, and what a run did not reach is
// counted for the next one.
import { addRuns, eachItem } from '../../cloudfunctions/shared/timer-items'

const quiet = () => jest.spyOn(console, 'error').mockImplementation(() => undefined)

describe('eachItem', () => {
  it('a failing item is logged and counted; the items behind it still run', async () => {
    const log = quiet()
    const seen: string[] = []
    const run = await eachItem('test', ['a', 'b', 'c'], Number.POSITIVE_INFINITY, String, async (item) => {
      if (item === 'b') throw new Error('broken')
      seen.push(item)
      return undefined
    })
    expect(run).toEqual({ done: 2, failed: 1, unreached: 0 })
    expect(seen).toEqual(['a', 'c'])
    expect(log).toHaveBeenCalledWith('[test] b', expect.any(Error))
    log.mockRestore()
  })

  it('past the deadline nothing more starts: the rest is left for the next run', async () => {
    const work = jest.fn(async () => undefined)
    expect(await eachItem('test', ['a', 'b'], 0, String, work)).toEqual({ done: 0, failed: 0, unreached: 2 })
    expect(work).not.toHaveBeenCalled()
  })

  it('an item its own sends were cut short of counts as not reached', async () => {
    const run = await eachItem('test', ['a', 'b'], Number.POSITIVE_INFINITY, String, async (item) => item === 'a')
    expect(run).toEqual({ done: 1, failed: 0, unreached: 1 })
  })

  it('adds runs', () => {
    expect(addRuns({ done: 1, failed: 0, unreached: 2 }, { done: 3, failed: 1, unreached: 0 })).toEqual({
      done: 4,
      failed: 1,
      unreached: 2,
    })
  })
})
