import { fireEvent, render, screen } from '@testing-library/react'
import { EmptyState, PageState } from '../../src/components/page-state'
import type { UseAction } from '../../src/hooks/use-action'
import { PERSONA_PICKER_PAGE } from '../../src/lib/routes'
import { ERROR_MESSAGES } from '../../types/errors'
import { calls, resetTaroStub } from './taro-stub'

type Items = { items: string[] }

const loading = (): UseAction<Items> => ({ state: 'loading', data: null, error: null, reload: jest.fn() })
const loaded = (items: string[]): UseAction<Items> => ({ state: 'ok', data: { items }, error: null, reload: jest.fn() })
const failed = (code: keyof typeof ERROR_MESSAGES, reload = jest.fn()): UseAction<Items> => ({
  state: 'error',
  data: null,
  error: { code, message: ERROR_MESSAGES[code] },
  reload,
})

function renderList(query: UseAction<Items>) {
  return render(
    <PageState
      query={query}
      isEmpty={(data) => data.items.length === 0}
      empty={{ title: '暂无会议', hint: '支部书记发布会议后会显示在这里' }}
    >
      {(data) => (
        <ul>
          {data.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
    </PageState>,
  )
}

const originalEnv = process.env.TARO_ENV
beforeEach(() => resetTaroStub())
afterEach(() => {
  process.env.TARO_ENV = originalEnv
})

describe('PageState', () => {
  test('loading shows a skeleton and 加载中…', () => {
    renderList(loading())
    expect(screen.getByTestId('page-state-loading')).toBeTruthy()
    expect(screen.getByText('加载中…')).toBeTruthy()
  })

  test('data renders the page content', () => {
    renderList(loaded(['支部党员大会', '主题党日']))
    expect(screen.getByText('支部党员大会')).toBeTruthy()
    expect(screen.getByText('主题党日')).toBeTruthy()
  })

  test('no data shows the designed empty state with its hint', () => {
    renderList(loaded([]))
    expect(screen.getByTestId('page-state-empty')).toBeTruthy()
    expect(screen.getByText('暂无会议')).toBeTruthy()
    expect(screen.getByText('支部书记发布会议后会显示在这里')).toBeTruthy()
  })

  test('an error shows its message, and 重试 asks for a reload', () => {
    const reload = jest.fn()
    renderList(failed('SYSTEM.NETWORK', reload))
    expect(screen.getByText('网络连接失败，请检查网络后重试')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(reload).toHaveBeenCalledTimes(1)
  })

  test('an unbound WeChat user learns how to get an invitation, not an error', () => {
    renderList(failed('AUTH.NOT_BOUND'))
    expect(screen.getByTestId('page-state-not-bound')).toBeTruthy()
    expect(screen.getByText('您的微信尚未绑定党员身份')).toBeTruthy()
    expect(screen.getByText(/联系所在党支部的支部书记/)).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
  })

  test('in the mini-program the not-bound state offers no dev persona link', () => {
    process.env.TARO_ENV = 'weapp'
    renderList(failed('AUTH.NOT_BOUND'))
    expect(screen.queryByTestId('page-state-persona-link')).toBeNull()
  })

  test('on H5 the not-bound state links to the persona picker', () => {
    process.env.TARO_ENV = 'h5'
    renderList(failed('AUTH.NOT_BOUND'))
    fireEvent.click(screen.getByTestId('page-state-persona-link'))
    expect(calls).toEqual([{ api: 'navigateTo', options: { url: PERSONA_PICKER_PAGE } }])
  })
})

test('EmptyState without a hint shows only its title', () => {
  render(<EmptyState title="功能建设中" />)
  expect(screen.getByTestId('page-state-empty').textContent).toBe('功能建设中')
})
