import { type RecordBook, recordBookDocument } from '../../cloudfunctions/shared/record-book'
import { PdfDocument } from '../../types/pdf'

const at = (iso: string) => new Date(`${iso}+08:00`).getTime()
const counts = { expected: 10, present: 7, late: 1, leave: 1, absent: 1, unmarked: 0 }
const book: RecordBook = {
  branchName: '实验小学党支部',
  period: '2026',
  entries: [
    {
      id: 'mt_1',
      type: 'committee_meeting',
      title: '支委会：研究发展党员',
      startsAt: at('2026-03-05T15:00:00'),
      place: '会议室',
      status: 'scheduled',
      counts,
      minutes: '讨论了入党积极分子培养情况。',
    },
    {
      id: 'mt_2',
      type: 'lecture',
      title: '党课',
      startsAt: at('2026-04-10T15:00:00'),
      place: '报告厅',
      status: 'cancelled',
      counts: { ...counts, present: 0, late: 0, leave: 0, absent: 0, unmarked: 10 },
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

  it('lists every meeting with its attendance, a cancelled one marked, then the minutes of those that have them', () => {
    const texts = document.blocks.flatMap((block) => (block.kind === 'text' ? [block.text] : []))
    expect(texts.slice(0, 3)).toEqual([
      '实验小学党支部',
      '三会一课记录本（2026）',
      '导出时间：2026年05月12日 09:00　共 2 次会议',
    ])
    const table = document.blocks.find((block) => block.kind === 'table')
    expect(table?.kind === 'table' && table.rows).toEqual([
      ['1', '支委会', '支委会：研究发展党员', '2026年03月05日 15:00', '10', '8', '1', '1'],
      ['2', '党课', '党课（已取消）', '2026年04月10日 15:00', '10', '0', '0', '10'],
    ])
    expect(texts.slice(3)).toEqual([
      '1. 支委会：研究发展党员（2026年03月05日 15:00，会议室）',
      '会议记录：讨论了入党积极分子培养情况。',
    ])
  })
})
