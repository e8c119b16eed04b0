import type { DueItem, DueKind } from '../../../types/lifecycle'
import { addDays, daysBetween } from '../time'
import { DEVELOPMENT_TIMING, type FileFacts, isFinished, stateOf } from './development-state'
import { nextSteps, quarterDays, quarterOf, reviewPeriods } from './development-timeline'

const HORIZON = DEVELOPMENT_TIMING.dueHorizonDays

/** 'M月D日' of a 'YYYY-MM-DD' day, for the short texts. */
const monthDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`

/**
 * What the secretary should act on for one file, today: each item falls due
 * on a day; it is listed from 30 days before that day, and stays listed,
 * overdue, until the step is recorded. Texts read as the secretary would say
 * them: '张三 预备期将于 30 天后届满'.
 */
export function dueItems(file: FileFacts, today: string): DueItem[] {
  const state = stateOf(file)
  if (isFinished(state)) return []
  const items: DueItem[] = []
  const push = (kind: DueKind, on: string, text: (days: number) => string, canBeOverdue = true) => {
    const days = daysBetween(today, on)
    if (days > HORIZON) return
    items.push({
      fileId: file._id,
      name: file.name,
      kind,
      on,
      days,
      overdue: canBeOverdue && days < 0,
      text: text(days),
    })
  }
  const name = file.name
  for (const next of nextSteps(file)) {
    if (next.step === 'application_talk' && next.latestOn)
      push('talk', next.latestOn, (days) =>
        days >= 0
          ? `${name} 的入党申请谈话应在 ${monthDay(next.latestOn as string)} 前完成`
          : `${name} 递交入党申请已超过一个月，尚未谈话`,
      )
    if (next.step === 'candidate_decision')
      push(
        'candidate_ready',
        next.earliestOn,
        (days) =>
          days > 0
            ? `${name} 培养期将于 ${days} 天后满一年，届时可确定为发展对象`
            : `${name} 培养期已满一年，可确定为发展对象`,
        false,
      )
    if (next.step === 'admission_approval' && next.latestOn)
      push('admission_approval', next.latestOn, (days) =>
        days >= 0
          ? `${name} 接收预备党员的决议待上级党委审批，应在 ${monthDay(next.latestOn as string)} 前审批`
          : `${name} 接收预备党员的审批已超过三个月期限 ${-days} 天`,
      )
    if (next.step === 'conversion_approval' && next.latestOn)
      push('conversion_approval', next.latestOn, (days) =>
        days >= 0
          ? `${name} 的转正决议待上级党委审批，应在 ${monthDay(next.latestOn as string)} 前审批`
          : `${name} 转正的审批已超过三个月期限 ${-days} 天`,
      )
  }
  const end = state.probationEndsOn
  if (state.stage === 'probationary' && end && !state.done.has('conversion_vote')) {
    const untilEnd = daysBetween(today, end)
    if (untilEnd >= 0)
      push('probation_end', end, (days) =>
        days === 0 ? `${name} 预备期今天届满` : `${name} 预备期将于 ${days} 天后届满`,
      )
    else {
      // Due whether or not the 转正申请 is in: the branch must discuss it (及时) either way.
      const latest = addDays(end, DEVELOPMENT_TIMING.conversionVoteWithinDays)
      push('conversion_vote', latest, (days) =>
        days >= 0
          ? `${name} 预备期已于 ${monthDay(end)} 届满，请在 ${monthDay(latest)} 前召开支部大会讨论转正`
          : `${name} 预备期已于 ${monthDay(end)} 届满，已超过 ${-untilEnd} 天未讨论转正`,
      )
    }
  }
  const watching = state.stage === 'activist' || state.stage === 'probationary'
  const watched = watching ? reviewPeriods(file, today).at(-1) : undefined
  const quarter = quarterOf(today)
  const { first, last } = quarterDays(quarter)
  const notedThisQuarter = file.reviews.some((review) => quarterOf(review.on) === quarter)
  if (watched && first >= watched.from && !notedThisQuarter)
    push('review', last, (days) => `${name} 本季度还没有考察记录（${days} 天后季度结束）`)
  return items.sort((a, b) => a.on.localeCompare(b.on))
}
