import { fireEvent, render, screen, within } from '@testing-library/react'
import { ImportPreviewView } from '../../src/subpackages/roster/components/import-preview'
import { type ImportProgress, ImportProgressView } from '../../src/subpackages/roster/components/import-progress'
import { ImportFileError, ImportStart, LastImport } from '../../src/subpackages/roster/components/import-start'
import type { ImportIssue, ImportPreviewSummary } from '../../types/roster-import'

const issue = (row: number, column: string, severity: ImportIssue['severity'], message: string): ImportIssue => ({
  row,
  column,
  code: severity === 'error' ? 'PHONE_INVALID' : 'DATE_MONTH_ONLY',
  severity,
  message,
})

const summary = (over: Partial<ImportPreviewSummary> = {}): ImportPreviewSummary => ({
  importId: 'imp_1',
  totals: { dataRows: 12, validRows: 10, invalidRows: 2, duplicateRows: 0, matched: 3, added: 7 },
  plan: { create: 7, update: 2, unchanged: 1 },
  issues: [
    issue(7, '入党日期', 'warning', '“2019.07”只有年月，按 2019-07-01 导入'),
    issue(5, '手机号码', 'error', '手机号码应为11位数字'),
    issue(5, '党小组', 'error', '本支部没有“三年级党小组”'),
    issue(9, '姓名', 'error', '姓名不能为空'),
  ],
  issueCount: 4,
  droppedColumns: [],
  ignoredColumns: [],
  sample: [
    { row: 2, name: '王建国', branchName: '实验小学党支部', action: 'create' },
    { row: 3, name: '李秀英', branchName: '实验小学党支部', action: 'update' },
    { row: 4, name: '张志强', branchName: '实验小学党支部', action: 'unchanged' },
  ],
  ...over,
})

const preview = (data: ImportPreviewSummary, handlers = { onConfirm: jest.fn(), onRechoose: jest.fn() }) => {
  render(<ImportPreviewView summary={data} fileName="实验小学花名册.xlsx" showBranch={false} {...handlers} />)
  return handlers
}

const text = (testId: string) => screen.getByTestId(testId).textContent
/** 导入完成's figures, one per line: 新增 a 人 / 更新 b 人 / 未变 c 人. */
const counts = () => Array.from(screen.getByTestId('import-done-summary').children).map((child) => child.textContent)

describe('导入预览 with error rows', () => {
  test('totals read as what confirming would do', () => {
    preview(summary())
    expect(text('import-totals')).toBe('共 12 行：可导入 10 行新增 7更新 2未变 1有问题 2 行')
  })

  test('the good rows can still be imported: it says what is written and what skipped, and asks the page to confirm', () => {
    const { onConfirm, onRechoose } = preview(summary())
    expect(text('import-write-skip')).toBe('确认后写入 9 行（新增 7、更新 2），跳过有错误的 2 行')
    const confirm = screen.getByTestId('import-confirm')
    expect(confirm.hasAttribute('disabled')).toBe(false)
    expect(confirm.textContent).toBe('导入其余 10 行')
    expect(text('import-confirm-hint')).toBe('有错误的 2 行将跳过')
    fireEvent.click(confirm)
    expect(onConfirm).toHaveBeenCalled()
    fireEvent.click(screen.getByTestId('import-rechoose'))
    expect(onRechoose).toHaveBeenCalled()
  })

  test('the refused rows can be downloaded as an error sheet; copies are said to import once', () => {
    const onDownloadErrors = jest.fn()
    render(
      <ImportPreviewView
        summary={summary({
          totals: { dataRows: 13, validRows: 10, invalidRows: 2, duplicateRows: 1, matched: 3, added: 7 },
        })}
        fileName="实验小学花名册.xlsx"
        showBranch={false}
        onConfirm={jest.fn()}
        onRechoose={jest.fn()}
        onDownloadErrors={onDownloadErrors}
      />,
    )
    expect(text('import-write-skip')).toBe(
      '确认后写入 9 行（新增 7、更新 2），跳过有错误的 2 行，重复的 1 行只导入一次',
    )
    fireEvent.click(screen.getByTestId('import-error-sheet'))
    expect(onDownloadErrors).toHaveBeenCalled()
  })

  test('with no valid row at all, nothing can be confirmed', () => {
    const { onConfirm } = preview(
      summary({
        totals: { dataRows: 2, validRows: 0, invalidRows: 2, duplicateRows: 0, matched: 0, added: 0 },
        plan: { create: 0, update: 0, unchanged: 0 },
        sample: [],
      }),
    )
    const confirm = screen.getByTestId('import-confirm')
    expect(confirm.hasAttribute('disabled')).toBe(true)
    fireEvent.click(confirm)
    expect(onConfirm).not.toHaveBeenCalled()
    expect(text('import-confirm-hint')).toBe('文件中没有可导入的党员，请修改后重新上传')
  })

  test('issues are grouped by row in row order, each naming its column', () => {
    preview(summary())
    const rows = screen.getAllByTestId('import-issue-row')
    expect(rows.map((row) => row.getAttribute('data-row'))).toEqual(['5', '7', '9'])
    const row5 = within(rows[0])
    expect(row5.getByText('第 5 行')).toBeTruthy()
    expect(row5.getAllByTestId('import-issue').map((line) => line.textContent)).toEqual([
      '手机号码：手机号码应为11位数字',
      '党小组：本支部没有“三年级党小组”',
    ])
  })

  test('errors and warnings are told apart', () => {
    preview(summary())
    const severity = (row: string) =>
      screen
        .getAllByTestId('import-issue-row')
        .find((element) => element.getAttribute('data-row') === row)
        ?.getAttribute('data-severity')
    expect(severity('5')).toBe('error')
    expect(severity('7')).toBe('warning')
    const row7 = screen.getAllByTestId('import-issue-row')[1]
    expect(row7.className).toContain('import-issue-row--warning')
    expect(within(row7).getByText('提醒')).toBeTruthy()
    expect(within(screen.getAllByTestId('import-issue-row')[0]).getByText('错误 · 不导入')).toBeTruthy()
  })

  test('a preview cut at the issue limit says how many there are in all', () => {
    preview(summary({ issueCount: 412 }))
    expect(text('import-issues-more')).toBe('仅显示前 4 条，共 412 条问题')
  })

  test('sample rows carry 新增/更新/未变 tags', () => {
    preview(summary())
    expect(screen.getAllByTestId('import-sample-action').map((tag) => tag.textContent)).toEqual([
      '新增',
      '更新',
      '未变',
    ])
  })
})

describe('导入预览 with only warnings', () => {
  const warningsOnly = summary({
    totals: { dataRows: 10, validRows: 10, invalidRows: 0, duplicateRows: 0, matched: 3, added: 7 },
    issues: [issue(7, '入党日期', 'warning', '“2019.07”只有年月，按 2019-07-01 导入')],
    issueCount: 1,
  })

  test('确认导入 is enabled and asks the page to confirm', () => {
    const { onConfirm } = preview(warningsOnly)
    const confirm = screen.getByTestId('import-confirm')
    expect(confirm.hasAttribute('disabled')).toBe(false)
    expect(screen.queryByTestId('import-confirm-hint')).toBeNull()
    fireEvent.click(confirm)
    expect(onConfirm).toHaveBeenCalledTimes(1)
  })

  test('the warnings are listed as not stopping the import', () => {
    preview(warningsOnly)
    expect(screen.getByText('以下提醒不影响导入。')).toBeTruthy()
    expect(screen.getAllByTestId('import-issue').map((line) => line.getAttribute('data-severity'))).toEqual(['warning'])
  })
})

test('a re-import of the same file says 全部未变 and that nothing will be written', () => {
  preview(
    summary({
      totals: { dataRows: 10, validRows: 10, invalidRows: 0, duplicateRows: 0, matched: 10, added: 0 },
      plan: { create: 0, update: 0, unchanged: 10 },
      issues: [],
      issueCount: 0,
    }),
  )
  expect(screen.getByTestId('import-all-unchanged').textContent).toBe(
    '全部未变文件中的 10 名党员与名册完全一致，确认导入不会修改任何数据。',
  )
  expect(screen.getByTestId('import-confirm').hasAttribute('disabled')).toBe(false)
  expect(screen.queryByTestId('import-issues')).toBeNull()
})

test('identity-number columns are reported as dropped and not saved; other columns as not imported', () => {
  preview(summary({ droppedColumns: ['身份证号'], ignoredColumns: ['性别', '出生日期', '备注'] }))
  expect(screen.getByText('已忽略身份证号列，未保存')).toBeTruthy()
  expect(text('import-ignored')).toContain('性别、出生日期、备注')
})

test('no dropped or ignored columns, no notices', () => {
  preview(summary())
  expect(screen.queryByTestId('import-dropped')).toBeNull()
  expect(screen.queryByTestId('import-ignored')).toBeNull()
  expect(screen.queryByTestId('import-all-unchanged')).toBeNull()
})

describe('导入进度', () => {
  const base: ImportProgress = {
    status: 'running',
    total: 40,
    done: 10,
    created: 8,
    updated: 2,
    unchanged: 3,
    error: null,
  }
  const progress = (over: Partial<ImportProgress>) => {
    const handlers = { onBackToRoster: jest.fn(), onImportAnother: jest.fn(), onRechoose: jest.fn() }
    render(<ImportProgressView progress={{ ...base, ...over }} {...handlers} />)
    return handlers
  }

  test('running: a bar of done/total and the promise that leaving does not stop it', () => {
    progress({})
    expect(screen.getByTestId('import-progress-bar').getAttribute('data-percent')).toBe('25')
    expect(text('import-progress-count')).toBe('已写入 10 / 40 人')
    expect(screen.getByText('离开本页不会中断导入；回到批量导入页面可查看进度和结果。')).toBeTruthy()
  })

  test('confirmed but not yet claimed by the server: checking, no figures yet', () => {
    progress({ status: 'previewed', done: 0 })
    expect(screen.getByText('正在核对文件…')).toBeTruthy()
    expect(screen.getByTestId('import-progress-bar').getAttribute('data-percent')).toBe('0')
  })

  test('done: the counts and a way back to the roster', () => {
    const { onBackToRoster } = progress({ status: 'done', done: 40, created: 30, updated: 10, unchanged: 5 })
    expect(screen.getByText('导入完成')).toBeTruthy()
    expect(counts()).toEqual(['新增 30 人', '更新 10 人', '未变 5 人'])
    fireEvent.click(screen.getByTestId('import-back-to-roster'))
    expect(onBackToRoster).toHaveBeenCalled()
  })

  test('done with rows skipped: says how many and offers the error sheet', () => {
    const onDownloadErrors = jest.fn()
    render(
      <ImportProgressView
        progress={{ ...base, status: 'done', done: 40, skipped: 2 }}
        onBackToRoster={jest.fn()}
        onImportAnother={jest.fn()}
        onRechoose={jest.fn()}
        onDownloadErrors={onDownloadErrors}
      />,
    )
    expect(text('import-done-skipped')).toContain('有错误的 2 行未导入')
    fireEvent.click(screen.getByTestId('import-done-error-sheet'))
    expect(onDownloadErrors).toHaveBeenCalled()
  })

  test('done with nothing to write (a re-import): says the roster did not change', () => {
    progress({ status: 'done', total: 0, done: 0, created: 0, updated: 0, unchanged: 10 })
    expect(counts()).toEqual(['新增 0 人', '更新 0 人', '未变 10 人'])
    expect(screen.getByText('文件与名册一致，名册没有任何改动。')).toBeTruthy()
  })

  test("failed: the server's message, what was kept, and 重新选择文件", () => {
    const { onRechoose } = progress({ status: 'failed', error: '名册在预览后有变动，请重新上传并预览' })
    expect(text('import-failed-message')).toBe('名册在预览后有变动，请重新上传并预览')
    expect(screen.getByText('已写入的 10 人保留。重新导入同一文件时，已写入的不会重复。')).toBeTruthy()
    fireEvent.click(screen.getByTestId('import-rechoose'))
    expect(onRechoose).toHaveBeenCalled()
  })
})

describe('before and around the preview', () => {
  test('the start screen offers the template, says how to fill it and that 身份证号 is never stored', () => {
    const onDownloadTemplate = jest.fn()
    const onChoose = jest.fn()
    render(
      <ImportStart
        branchName="实验小学党支部"
        downloading={false}
        onDownloadTemplate={onDownloadTemplate}
        onChoose={onChoose}
      />,
    )
    expect(text('import-scope')).toBe('实验小学党支部')
    expect(text('import-privacy')).toContain('身份证号')
    expect(screen.getByText('· 日期可写 2019-07-01、2019.07.01、2019/7/1 或 2019年7月1日')).toBeTruthy()
    fireEvent.click(screen.getByTestId('import-template'))
    fireEvent.click(screen.getByTestId('import-choose'))
    expect(onDownloadTemplate).toHaveBeenCalled()
    expect(onChoose).toHaveBeenCalled()
  })

  test('bureau staff are told the 所在党支部 column decides the branch', () => {
    render(<ImportStart branchName={null} downloading onDownloadTemplate={jest.fn()} onChoose={jest.fn()} />)
    expect(text('import-scope')).toContain('所在党支部')
    expect(text('import-template')).toBe('下载中…')
  })

  test("a refused file shows the server's message and 重新选择文件", () => {
    const onRechoose = jest.fn()
    render(
      <ImportFileError
        fileName="名单.xlsx"
        message="表头不正确：未找到“姓名”列，请使用下载的模板填写"
        onRechoose={onRechoose}
      />,
    )
    expect(text('import-file-error-message')).toBe('表头不正确：未找到“姓名”列，请使用下载的模板填写')
    fireEvent.click(screen.getByTestId('import-rechoose'))
    expect(onRechoose).toHaveBeenCalled()
  })
})

describe('上次导入 on the start screen', () => {
  const status = {
    importId: 'imp_demo_shiyan',
    status: 'done' as const,
    branchId: 'org_b_shiyan',
    total: 10,
    done: 10,
    created: 10,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    error: null,
    // 2026-06-04 16:00:40 in Shanghai
    updatedAt: Date.parse('2026-06-04T16:00:40+08:00'),
  }

  test('a finished import says when and what it wrote', () => {
    render(<LastImport status={status} />)
    expect(text('import-last-summary')).toBe('2026年6月4日 16:00 已完成：新增 10 人、更新 0 人')
  })

  test('skipped rows and unchanged members are told; a failed run says so with its reason', () => {
    render(
      <LastImport
        status={{
          ...status,
          status: 'failed',
          created: 3,
          unchanged: 2,
          skipped: 1,
          error: '导入中断，请重新确认导入',
        }}
      />,
    )
    expect(text('import-last-summary')).toBe('2026年6月4日 16:00 未完成：新增 3 人、更新 0 人、未变 2 人、跳过 1 行')
    expect(screen.getByTestId('import-last').textContent).toContain('导入中断，请重新确认导入')
  })

  test('a preview never confirmed is no import', () => {
    render(<LastImport status={{ ...status, status: 'previewed' }} />)
    expect(screen.queryByTestId('import-last')).toBeNull()
  })
})
