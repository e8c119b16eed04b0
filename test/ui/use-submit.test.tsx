import { act, renderHook } from '@testing-library/react'
import { useSubmit } from '../../src/hooks/use-submit'
import { fail, ok, type Result } from '../../types/result'
import { calls, resetTaroStub } from './taro-stub'

beforeEach(() => resetTaroStub())

/** A write whose reply the test releases when it likes. */
function heldWrite<T>() {
  const replies: ((result: Result<T>) => void)[] = []
  const send = jest.fn(
    (..._args: unknown[]) =>
      new Promise<Result<T>>((resolve) => {
        replies.push(resolve)
      }),
  )
  return { send, reply: (result: Result<T>) => replies.shift()?.(result) }
}

const toasts = () => calls.filter((c) => c.api === 'showToast').map((c) => c.options)

test('busy while the write is in flight, a second tap meanwhile writes nothing, then the success toast and what follows', async () => {
  const write = heldWrite<{ points: number }>()
  const onDone = jest.fn()
  const { result } = renderHook(() =>
    useSubmit((name: string) => write.send(name), {
      toast: (data, name) => `已为${name}发放 ${data.points} 分`,
      onDone,
    }),
  )
  let first: Promise<boolean> = Promise.resolve(false)
  act(() => {
    first = result.current.submit('王建国')
  })
  expect(result.current.busy).toBe(true)
  expect(result.current.pending).toEqual(['王建国'])
  let second = true
  await act(async () => {
    second = await result.current.submit('王建国')
  })
  expect(second).toBe(false)
  expect(write.send).toHaveBeenCalledTimes(1)

  await act(async () => {
    write.reply(ok({ points: 3 }))
    expect(await first).toBe(true)
  })
  expect(result.current.busy).toBe(false)
  expect(toasts()).toEqual([{ title: '已为王建国发放 3 分', icon: 'none', duration: 1500 }])
  expect(onDone).toHaveBeenCalledWith({ points: 3 }, '王建国')
})

test('a short success shows the ✓ icon; a refusal without form fields is a longer toast and nothing follows', async () => {
  const onDone = jest.fn()
  const onRefused = jest.fn()
  const { result } = renderHook(() =>
    useSubmit((approve: boolean) => Promise.resolve(approve ? ok(null) : fail('AUTH.FORBIDDEN')), {
      toast: '已保存',
      onDone,
      onRefused,
    }),
  )
  await act(async () => {
    await result.current.submit(true)
  })
  await act(async () => {
    await result.current.submit(false)
  })
  expect(toasts()).toEqual([
    { title: '已保存', icon: 'success', duration: 1500 },
    { title: '您没有权限进行此操作', icon: 'none', duration: 2500 },
  ])
  expect(onDone).toHaveBeenCalledTimes(1)
  expect(onRefused).toHaveBeenCalledWith(expect.objectContaining({ code: 'AUTH.FORBIDDEN' }), false)
  expect(result.current.errors).toEqual({ fields: {}, general: null })
})

test('with form fields, INPUT.INVALID issues stand beside their fields and are cleared by the next submit', async () => {
  const replies: Result<null>[] = [
    fail('INPUT.INVALID', undefined, [
      { path: ['title'], message: '请填写标题' },
      { path: ['branchId'], message: '编号格式不正确' },
    ]),
    ok(null),
  ]
  const { result } = renderHook(() =>
    useSubmit(() => Promise.resolve(replies.shift() ?? ok(null)), { fields: ['title'] as const }),
  )
  await act(async () => {
    await result.current.submit()
  })
  expect(result.current.errors).toEqual({ fields: { title: '请填写标题' }, general: '编号格式不正确' })
  expect(toasts()).toEqual([])
  await act(async () => {
    await result.current.submit()
  })
  expect(result.current.errors).toEqual({ fields: {}, general: null })
})

test('a write that throws leaves the form usable again', async () => {
  const { result } = renderHook(() => useSubmit(() => Promise.reject(new Error('picker closed'))))
  await act(async () => {
    await expect(result.current.submit()).rejects.toThrow('picker closed')
  })
  expect(result.current.busy).toBe(false)
})
