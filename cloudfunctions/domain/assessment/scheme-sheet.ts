import { type Indicator, Scheme, type Scoring, SOURCE_KEYS, type SourceKey } from '../../../types/assessment'
import { SOURCE_DEFINITIONS } from './sources'

/** The catalogue sheet's columns, as exported and as read back. */
export const SCHEME_HEADERS = ['方面', '指标', '分值', '评分方式', '数据来源', '计分办法', '参数', '说明'] as const
const REQUIRED_HEADERS = ['方面', '指标', '分值', '评分方式'] as const

const STAR_ROW = '星级'
const STAR_NAMES = ['一星', '二星', '三星', '四星', '五星']
const METHOD_NAMES: Record<Scoring['method'], string> = { ratio: '按比例', per_unit: '按项计分', per_miss: '缺项扣分' }
const WITH_EVIDENCE = '需佐证材料'
const WITHOUT_EVIDENCE = '无需佐证'

function parameterOf(indicator: Extract<Indicator, { kind: 'computed' }>): string {
  const { scoring } = indicator
  if (scoring.method !== 'ratio') return String(scoring.points)
  return SOURCE_DEFINITIONS[indicator.source].unit === 'hours'
    ? String(scoring.target)
    : `${Math.round(scoring.target * 1000) / 10}%`
}

/** A scheme as sheet rows (header first), one row per indicator, then one per star line. */
export function schemeRows(scheme: Scheme): string[][] {
  const rows: string[][] = [[...SCHEME_HEADERS]]
  for (const area of scheme.areas) {
    for (const indicator of area.indicators) {
      rows.push(
        indicator.kind === 'computed'
          ? [
              area.name,
              indicator.name,
              String(indicator.maxScore),
              '数据',
              SOURCE_DEFINITIONS[indicator.source].name,
              METHOD_NAMES[indicator.scoring.method],
              parameterOf(indicator),
              indicator.guidance,
            ]
          : [
              area.name,
              indicator.name,
              String(indicator.maxScore),
              '自评',
              '',
              indicator.evidenceRequired ? WITH_EVIDENCE : WITHOUT_EVIDENCE,
              '',
              indicator.guidance,
            ],
      )
    }
  }
  for (const line of scheme.stars)
    rows.push([STAR_ROW, STAR_NAMES[line.stars - 1], String(line.minScore), '', '', '', '', ''])
  return rows
}

export type SheetReading =
  | { headers: false }
  | { headers: true; scheme: Scheme | null; problems: { row: number; message: string }[] }

const clean = (cell: string | undefined) => (cell ?? '').normalize('NFKC').trim()
const numberIn = (cell: string) => {
  const value = Number(cell.replace(/%$/, ''))
  return cell === '' || Number.isNaN(value) ? null : value
}

type Cell = (name: (typeof SCHEME_HEADERS)[number]) => string
type IndicatorBase = { key: string; name: string; maxScore: number; guidance: string }

/** The indicator a row describes, or what is wrong with it. */
function indicatorOf(cell: Cell, base: IndicatorBase, offered: readonly SourceKey[]): Indicator | string {
  const kind = cell('评分方式')
  if (kind === '自评') return { ...base, kind: 'self', evidenceRequired: cell('计分办法') !== WITHOUT_EVIDENCE }
  if (kind !== '数据') return '评分方式应为“数据”或“自评”'
  const sourceName = cell('数据来源')
  const source = SOURCE_KEYS.find((key) => SOURCE_DEFINITIONS[key].name === sourceName)
  if (!source) return `数据来源“${sourceName}”不在可选范围内`
  if (!offered.includes(source)) return `数据来源“${sourceName}”尚未启用`
  const method = (Object.keys(METHOD_NAMES) as Scoring['method'][]).find(
    (key) => METHOD_NAMES[key] === cell('计分办法'),
  )
  if (!method) return '计分办法应为“按比例”“按项计分”或“缺项扣分”'
  const parameter = numberIn(cell('参数'))
  if (parameter === null || parameter <= 0) return '请在“参数”中填写目标值或每项分值'
  // A share reads as 90% or 0.9; hours per member as the hours.
  const share = SOURCE_DEFINITIONS[source].unit === 'share' && parameter > 1 ? parameter / 100 : parameter
  const scoring: Scoring = method === 'ratio' ? { method, target: share } : { method, points: parameter }
  return { ...base, kind: 'computed', source, scoring }
}

/**
 * Reads a scheme from sheet rows (the first row names the columns, in any
 * order; a blank 方面 cell repeats the one above, as merged cells export).
 * Every problem names its row (the header is row 1); the scheme is answered
 * only when there are none. A data source must be one the bureau is offered.
 */
export function schemeFromRows(
  rows: readonly (readonly string[])[],
  meta: { year: number; name: string },
  offered: readonly SourceKey[],
): SheetReading {
  const header = (rows[0] ?? []).map((cell) => clean(cell))
  if (!REQUIRED_HEADERS.every((name) => header.includes(name))) return { headers: false }
  const problems: { row: number; message: string }[] = []
  const areas: { key: string; name: string; indicators: Indicator[] }[] = []
  const stars: { stars: number; minScore: number }[] = []
  let areaName = ''
  for (const [index, cells] of rows.slice(1).entries()) {
    if (cells.every((value) => clean(value) === '')) continue
    const row = index + 2
    const cell: Cell = (name) => (header.indexOf(name) < 0 ? '' : clean(cells[header.indexOf(name)]))
    const problem = (message: string) => problems.push({ row, message: `第 ${row} 行：${message}` })
    areaName = cell('方面') || areaName
    const score = numberIn(cell('分值'))
    if (!areaName) problem('请填写方面')
    else if (score === null) problem(areaName === STAR_ROW ? '请填写星级分数线' : '分值应为数字')
    else if (areaName === STAR_ROW) {
      const count = STAR_NAMES.indexOf(cell('指标')) + 1
      if (count === 0) problem('星级应为一星至五星')
      else stars.push({ stars: count, minScore: score })
    } else {
      const area = areas.find((item) => item.name === areaName)
      const areaKey = area?.key ?? `a${areas.length + 1}`
      const read = indicatorOf(
        cell,
        {
          key: `${areaKey}_${(area?.indicators.length ?? 0) + 1}`,
          name: cell('指标'),
          maxScore: score,
          guidance: cell('说明'),
        },
        offered,
      )
      if (typeof read === 'string') problem(read)
      else if (area) area.indicators.push(read)
      else areas.push({ key: areaKey, name: areaName, indicators: [read] })
    }
  }
  const parsed = Scheme.safeParse({ ...meta, areas, stars: stars.sort((a, b) => a.stars - b.stars) })
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push({ row: 0, message: issue.message })
  return { headers: true, scheme: problems.length === 0 && parsed.success ? parsed.data : null, problems }
}
