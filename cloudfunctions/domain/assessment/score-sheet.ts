import type { BranchScore } from '../../../types/assessment'
import type { PdfBlock, PdfDocument } from '../../../types/pdf'

const STAR_NAMES = ['未达星级', '一星', '二星', '三星', '四星', '五星']

/**
 * One branch's 考核得分表 as the pdf function prints it: the total and stars,
 * then each area's indicators with their maximum, score and the figure or
 * reason behind it — what a branch files, and what a bureau hands out.
 */
export function scoreSheet(
  meta: { year: number; branchName: string; published: boolean },
  score: BranchScore,
): PdfDocument {
  const title = `${meta.year}年度${meta.branchName}考核得分表${meta.published ? '' : '（暂定）'}`
  const blocks: PdfBlock[] = [
    { kind: 'text', text: title, size: 18, align: 'center' },
    { kind: 'gap', lines: 0.5 },
    {
      kind: 'text',
      text: `总分 ${score.total} / ${score.maxScore} 分　星级：${STAR_NAMES[score.stars] ?? STAR_NAMES[0]}`,
      size: 12,
    },
  ]
  for (const area of score.areas) {
    blocks.push(
      { kind: 'gap', lines: 0.8 },
      { kind: 'text', text: `${area.name}（${area.score} / ${area.maxScore} 分）`, size: 12 },
      {
        kind: 'table',
        headers: ['指标', '满分', '得分', '计算依据与失分原因'],
        widths: [120, 45, 45, 289],
        rows: area.indicators.map((item) => [
          item.name,
          String(item.maxScore),
          item.score === null ? '待评分' : String(item.score),
          [item.figure?.text, item.reason].filter(Boolean).join('；'),
        ]),
      },
    )
  }
  return { title, blocks }
}
