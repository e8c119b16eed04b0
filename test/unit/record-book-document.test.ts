import { type RecordBook, recordBookDocument } from '../../cloudfunctions/shared/record-book'
import { PdfDocument } from '../../types/pdf'

const at = (iso: string) => new Date(`${iso}+08:00`).getTime()
const counts = { expected: 10, present: 7, late: 1, leave: 1, absent: 1, unmarked: 0 }
const nothingMarked = { ...counts, present: 0, late: 0, leave: 0, absent: 0, unmarked: 10 }
const book: RecordBook = {
  branchName: '实验小学党支部',
  period: '2026',
  entries: [
    {
      id: 'mt_1',
      type: 'committee_meeting',
      alsoCounts: [],
      title: '支委会：研究发展党员',
      startsAt: at('2026-03-05T15:00:00'),
      place: '会议室',
      status: 'scheduled',
      record: 'held',
      backfilled: false,
      counts,
      minutes: '讨论了入党积极分子培养情况。',
    },
    {
      id: 'mt_2',
      type: 'lecture',
      alsoCounts: [],
      title: '党课',
      startsAt: at('2026-04-10T15:00:00'),
      place: '报告厅',
      status: 'cancelled',
      record: 'cancelled',
      backfilled: false,
      counts: nothingMarked,
      minutes: null,
    },
    {
      id: 'mt_3',
      type: 'org_life',
      alsoCounts: ['appraisal'],
      title: '组织生活会',
      startsAt: at('2026-04-20T15:00:00'),
      place: '会议室',
      status: 'scheduled',
      record: 'held',
      backfilled: true,
      counts: { ...counts, absent: 0, unmarked: 1 },
      minutes: '开展批评与自我批评。',
    },
    {
      id: 'mt_4',
      type: 'theme_day',
      alsoCounts: [],
      title: '主题党日',
      startsAt: at('2026-05-12T09:00:00'),
      place: '社区',
      status: 'scheduled',
      record: 'running',
      backfilled: false,
      counts: { ...nothingMarked, present: 3, unmarked: 7 },
      minutes: null,
    },
    {
      id: 'mt_5',
      type: 'study',
      alsoCounts: [],
      title: '集中学习',
      startsAt: at('2026-06-12T09:00:00'),
      place: '会议室',
      status: 'scheduled',
      record: 'upcoming',
      backfilled: false,
      counts: nothingMarked,
      minutes: null,
    },
  ],
}

describe('the printed record book (三会一课记录本)', () => {
  const document = recordBookDocument(book, at('2026-05-12T09:00:00'))

  it('is a document the pdf function accepts', () => {
    expect(PdfDocument.safeParse(document).success).toBe(true)
    expect(document.title).toBe('实验小学党支部三会一课记录本')
  })

  it('lists every meeting with its attendance and record, never ahead of time, then the minutes of those that have them', () => {
    const texts = document.blocks.flatMap((block) => (block.kind === 'text' ? [block.text] : []))
    expect(texts.slice(0, 3)).toEqual([
      '实验小学党支部',
      '三会一课记录本（2026）',
      '导出时间：2026年05月12日 09:00　共 5 次会议',
    ])
    const table = document.blocks.find((block) => block.kind === 'table')
    expect(table?.kind === 'table' && table.rows).toEqual([
      ['1', '支委会', '支委会：研究发展党员', '2026年03月05日 15:00', '10', '8', '1', '1', '已开展'],
      // Cancelled and future meetings have no roll: no 缺席 10 for a meeting that never happened.
      ['2', '党课', '党课', '2026年04月10日 15:00', '10', '—', '—', '—', '已取消'],
      ['3', '组织生活会·民主评议党员', '组织生活会', '2026年04月20日 15:00', '10', '8', '1', '0', '已开展（补录）'],
      // Under way: three checked in, nobody is 缺席 before marking closes.
      ['4', '主题党日', '主题党日', '2026年05月12日 09:00', '10', '3', '0', '0', '进行中'],
      ['5', '集中学习', '集中学习', '2026年06月12日 09:00', '10', '—', '—', '—', '未开始'],
    ])
    expect(texts.slice(3)).toEqual([
      '1. 支委会：研究发展党员（2026年03月05日 15:00，会议室）',
      '会议记录：讨论了入党积极分子培养情况。',
      '3. 组织生活会（2026年04月20日 15:00，会议室）【补录】',
      '会议记录：开展批评与自我批评。',
    ])
  })
})
