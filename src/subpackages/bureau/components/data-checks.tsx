import { Button, Picker, Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import type { OutputOf } from '../../../../types/api'
import type { CellState } from '../../../../types/compliance'
import type { Result } from '../../../../types/result'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { call } from '../../../services/call'
import { CELL_STATE_LABELS } from '../lib/labels'

type Drift = { id: string; was: number; is: number }
type RunProgress = { phase: 'members' | 'branches' | 'done'; done: number; of: number }

interface RunState {
  status: 'idle' | 'running' | 'stopping' | 'stopped' | 'done' | 'failed'
  cursor: string | null
  progress: RunProgress | null
  repaired: number
  drift: Drift[]
  error: string | null
}

const IDLE: RunState = { status: 'idle', cursor: null, progress: null, repaired: 0, drift: [], error: null }
const PHASES: Record<RunProgress['phase'], string> = { members: '党员合计', branches: '支部合计', done: '完成' }
const SHOWN_DRIFT = 20

/**
 * 积分合计校对: points.reconcile called again and again, each call going on
 * from the cursor the last one returned, until the run is done — with its
 * progress, a stop that takes effect after the current call, and a retry
 * that continues from the last cursor.
 */
export function PointsCheck() {
  const [state, setState] = useState<RunState>(IDLE)
  const [confirming, setConfirming] = useState(false)
  const stop = useRef(false)

  async function run(from: string | null) {
    stop.current = false
    setState((s) => ({ ...s, status: 'running', error: null }))
    let cursor = from
    for (;;) {
      const res = await call('points', 'reconcile', { cursor })
      if (!res.ok) {
        const message = res.error.message
        setState((s) => ({ ...s, status: 'failed', error: message }))
        return
      }
      const step = res.data
      cursor = step.cursor
      setState((s) => ({
        ...s,
        cursor: step.cursor,
        progress: step.progress,
        repaired: s.repaired + step.driftCount,
        drift: [...s.drift, ...step.drift].slice(0, SHOWN_DRIFT),
      }))
      if (step.done) {
        setState((s) => ({ ...s, status: 'done' }))
        return
      }
      if (stop.current) {
        setState((s) => ({ ...s, status: 'stopped' }))
        return
      }
    }
  }

  const { status, progress } = state
  const busy = status === 'running' || status === 'stopping'
  const percent = progress && progress.of > 0 ? Math.round((progress.done / progress.of) * 100) : 0
  return (
    <View className="card" data-testid="points-check">
      <Text className="card__title">积分合计校对</Text>
      <Text className="muted">
        按积分明细逐一核对党员、支部的积分合计，发现偏差即修正。党员多、明细多时需要较长时间，可随时停止、稍后继续。
      </Text>
      {progress ? (
        <View data-testid="check-progress">
          <View className="progress" data-percent={status === 'done' ? 100 : percent}>
            <View className="progress__bar" style={{ width: `${status === 'done' ? 100 : percent}%` }} />
          </View>
          <Text className="muted">
            {status === 'done'
              ? `已校对全部 ${progress.of} 项`
              : `${PHASES[progress.phase]}：已校对 ${progress.done} / ${progress.of}`}
          </Text>
        </View>
      ) : null}
      {status === 'done' ? (
        <Text data-testid="check-result">
          {state.repaired > 0 ? `校对完成：修正 ${state.repaired} 项` : '校对完成，未发现偏差'}
        </Text>
      ) : null}
      {status === 'stopped' ? <Text data-testid="check-result">已停止，已修正 {state.repaired} 项</Text> : null}
      {busy && state.repaired > 0 ? <Text className="muted">已修正 {state.repaired} 项</Text> : null}
      {state.error ? (
        <Text className="field-error" data-testid="check-error">
          {state.error}
        </Text>
      ) : null}
      {state.drift.length > 0 ? (
        <View data-testid="check-drift">
          {state.drift.map((row) => (
            <View key={row.id} className="row divided">
              <Text className="muted">{row.id}</Text>
              <Text>{`${row.was} → ${row.is}`}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {busy ? (
        <Button
          className="btn btn--ghost"
          data-testid="check-stop"
          disabled={status === 'stopping' || undefined}
          onClick={() => {
            stop.current = true
            setState((s) => ({ ...s, status: 'stopping' }))
          }}
        >
          {status === 'stopping' ? '正在停止…' : '停止'}
        </Button>
      ) : status === 'failed' || status === 'stopped' ? (
        <Button className="btn btn--primary" data-testid="check-resume" onClick={() => run(state.cursor)}>
          {status === 'failed' ? '重试' : '继续'}
        </Button>
      ) : (
        <Button className="btn btn--primary" data-testid="check-start" onClick={() => setConfirming(true)}>
          {status === 'done' ? '重新校对' : '开始校对'}
        </Button>
      )}
      <ConfirmDialog
        visible={confirming}
        title="开始积分合计校对？"
        message="将逐一核对全局积分明细，明细较多时可能需要数分钟到数十分钟，期间请勿关闭本页。"
        confirmLabel="开始"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false)
          setState(IDLE)
          void run(null)
        }}
      />
    </View>
  )
}

type DigestChange = { branchName: string; period: string; before: CellState; after: CellState }

/**
 * 会议摘要重建: meetings.rebuildDigests for a chosen year, call after call
 * from the cursor until done, with progress and what it changed: entries
 * corrected, and each month whose state the rebuild changed (how data written
 * before the evidence rules comes under them).
 */
export function DigestRebuild({ thisYear }: { thisYear: number }) {
  const years = Array.from({ length: 5 }, (_, i) => thisYear - i)
  const [year, setYear] = useState(thisYear)
  const [busy, setBusy] = useState(false)
  const [progress, setProgress] = useState<{ done: number; of: number } | null>(null)
  const [result, setResult] = useState<string | null>(null)
  const [changes, setChanges] = useState<DigestChange[]>([])
  const [error, setError] = useState<string | null>(null)
  async function rebuild() {
    setBusy(true)
    setError(null)
    setResult(null)
    setChanges([])
    let cursor = 0
    let totals = { branches: 0, meetings: 0, drifted: 0, changed: 0, held: 0, awaiting: 0, missing: 0 }
    for (;;) {
      const res = await call('meetings', 'rebuildDigests', { year, cursor })
      if (!res.ok) {
        setBusy(false)
        setError(res.error.message)
        return
      }
      const step = res.data
      totals = {
        branches: totals.branches + step.branches,
        meetings: totals.meetings + step.meetings,
        drifted: totals.drifted + step.drifted,
        changed: totals.changed + step.changed,
        held: totals.held + step.records.held,
        awaiting: totals.awaiting + step.records.awaiting_record,
        missing: totals.missing + step.records.missing + step.records.no_quorum,
      }
      setProgress(step.progress)
      setChanges((shown) => [...shown, ...step.changes].slice(0, SHOWN_DRIFT))
      cursor = step.cursor
      if (step.done) break
    }
    setBusy(false)
    setResult(
      `${year}年：${totals.branches} 个支部、${totals.meetings} 次会议（已开展 ${totals.held}、待补记录 ${totals.awaiting}、未开展 ${totals.missing}），修正摘要 ${totals.drifted} 项，${totals.changed} 个月份的状态随之改变`,
    )
  }
  return (
    <View className="card" data-testid="digest-rebuild">
      <Text className="card__title">会议摘要重建</Text>
      <Text className="muted">
        三会一课落实情况按各支部的会议摘要统计：会议须有考勤和会议记录才算已开展。升级后或会议经其他途径写入（如数据迁移）后请重建一次，下方列出状态发生变化的月份。
      </Text>
      <Picker
        mode="selector"
        range={years.map((y) => `${y}年`)}
        value={years.indexOf(year)}
        onChange={(e) => setYear(years[Number(e.detail.value)] ?? thisYear)}
      >
        <Text className="chip" data-testid="digest-year">{`${year}年 ▾`}</Text>
      </Picker>
      {busy && progress ? <Text className="muted">{`已重建 ${progress.done} / ${progress.of} 个支部`}</Text> : null}
      {result ? <Text data-testid="digest-result">{result}</Text> : null}
      {changes.length > 0 ? (
        <View data-testid="digest-changes">
          {changes.map((change) => (
            <View key={`${change.branchName}-${change.period}`} className="row divided">
              <Text className="muted">{`${change.branchName} ${change.period}`}</Text>
              <Text>{`${CELL_STATE_LABELS[change.before]} → ${CELL_STATE_LABELS[change.after]}`}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {error ? (
        <Text className="field-error" data-testid="digest-error">
          {error}
        </Text>
      ) : null}
      <Button
        className="btn btn--primary"
        data-testid="digest-start"
        loading={busy}
        disabled={busy || undefined}
        onClick={rebuild}
      >
        {busy ? '正在重建…' : '重建'}
      </Button>
    </View>
  )
}

/**
 * 隐私整改: roster.repairPrivacy called again and again until done — members whose id an earlier version
 * derived from their phone get random ids, older audit entries lose their phones. A one-off after the upgrade.
 */
export function PrivacyRepair() {
  const [status, setStatus] = useState<'idle' | 'running' | 'done' | 'failed'>('idle')
  const [totals, setTotals] = useState({ renamed: 0, masked: 0, remaining: 0 })
  const [error, setError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)

  async function run() {
    setStatus('running')
    setError(null)
    let cursor: string | null = null
    for (;;) {
      const res: Result<OutputOf<'roster', 'repairPrivacy'>> = await call(
        'roster',
        'repairPrivacy',
        cursor ? { cursor } : {},
      )
      if (!res.ok) {
        setError(res.error.message)
        setStatus('failed')
        return
      }
      const step: OutputOf<'roster', 'repairPrivacy'> = res.data
      cursor = step.cursor
      setTotals((t) => ({
        renamed: t.renamed + step.renamed,
        masked: t.masked + step.masked,
        remaining: step.remaining,
      }))
      if (step.done) {
        setStatus('done')
        return
      }
    }
  }

  return (
    <View className="card" data-testid="privacy-repair">
      <Text className="card__title">隐私整改</Text>
      <Text className="muted">
        早期版本导入的党员编号由手机号计算而来，可被反推出手机号；整改后改为随机编号，并隐去操作日志中的手机号。升级后执行一次，请在无人使用时进行。
      </Text>
      {status !== 'idle' ? (
        <Text data-testid="privacy-result">
          {status === 'done'
            ? `整改完成：${totals.renamed} 名党员改为随机编号，${totals.masked} 条操作日志隐去手机号`
            : `已整改 ${totals.renamed} 名党员、${totals.masked} 条日志${totals.remaining ? `，尚余 ${totals.remaining} 名` : ''}`}
        </Text>
      ) : null}
      {error ? (
        <Text className="field-error" data-testid="privacy-error">
          {error}
        </Text>
      ) : null}
      <Button
        className="btn btn--primary"
        data-testid="privacy-start"
        loading={status === 'running'}
        disabled={status === 'running' || undefined}
        onClick={() => setConfirming(true)}
      >
        {status === 'failed' ? '重试' : status === 'running' ? '正在整改…' : '开始整改'}
      </Button>
      <ConfirmDialog
        visible={confirming}
        title="开始隐私整改？"
        message="将为早期导入的党员更换编号（积分、考勤等记录随之更新），并隐去操作日志中的手机号。期间请勿关闭本页，中断后可再次执行。"
        confirmLabel="开始"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false)
          setTotals({ renamed: 0, masked: 0, remaining: 0 })
          void run()
        }}
      />
    </View>
  )
}
