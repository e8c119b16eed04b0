import { Button, Text, View } from '@tarojs/components'
import type { DevelopmentFileView, DevelopmentStep } from '../../../../types/lifecycle'
import { MATERIAL_NAMES, STAGE_NAMES, STEP_NAMES } from '../../../../types/lifecycle-names'
import { Notice } from '../../../components/notice'
import './lifecycle.css'

type FileShown = Omit<DevelopmentFileView, 'canManage' | 'phone'>

interface TimelineProps {
  file: FileShown
  /** Managers record the next steps and upload missing materials; others only read. */
  onRecord?: (step: DevelopmentStep) => void
  onUpload?: (step: DevelopmentStep, material: keyof typeof MATERIAL_NAMES) => void
  uploading?: boolean
}

const quarterName = (quarter: string) => `${quarter.slice(0, 4)}年第${quarter.slice(-1)}季度`

/** A person's way in: where they stand, what is due, the steps done (with 缺 materials), the steps next. */
export function DevelopmentTimeline({ file, onRecord, onUpload, uploading }: TimelineProps) {
  const { timeline } = file
  const missingOf = (step: DevelopmentStep) => timeline.missing.filter((m) => m.step === step)
  return (
    <View data-testid="dev-timeline">
      <View className="card">
        <Text className="card__title" data-testid="dev-stage">
          {`${file.name} · ${STAGE_NAMES[timeline.stage]}`}
        </Text>
        <Text className="card__meta">{file.branchName}</Text>
        {timeline.probationEndsOn ? (
          <Text className="card__meta" data-testid="dev-probation-end">{`预备期至 ${timeline.probationEndsOn}`}</Text>
        ) : null}
        {timeline.due.map((item) => (
          <Text
            key={`${item.kind}-${item.on}`}
            className={`dev-due divided${item.overdue ? ' dev-due--overdue' : ''}`}
            data-testid="dev-due-item"
          >
            {item.text}
          </Text>
        ))}
        {timeline.trainingShort ? <Notice text="集中培训不足24学时，请补足后再进行支委会审查。" /> : null}
        {timeline.reviewGaps.length > 0 ? (
          <Notice text={`缺少考察记录：${timeline.reviewGaps.map(quarterName).join('、')}`} testId="dev-review-gaps" />
        ) : null}
      </View>

      {timeline.next.length > 0 ? (
        <View className="card" data-testid="dev-next">
          <Text className="card__title">下一步</Text>
          {timeline.next.map((next) => (
            <View key={next.step} className="dev-step divided" data-testid="dev-next-step" data-step={next.step}>
              <View className="dev-step__head">
                <Text className="dev-step__name">{STEP_NAMES[next.step]}</Text>
                {onRecord ? (
                  <Button
                    className="btn btn--primary dev-inline-btn"
                    data-testid={`dev-record-${next.step}`}
                    onClick={() => onRecord(next.step)}
                  >
                    记录
                  </Button>
                ) : null}
              </View>
              <Text className="dev-step__meta">
                {`最早可办日期 ${next.earliestOn}${next.latestOn ? ` · 截止日期 ${next.latestOn}` : ''}`}
              </Text>
            </View>
          ))}
        </View>
      ) : null}

      <View className="card" data-testid="dev-done">
        <Text className="card__title">已完成的步骤</Text>
        {file.steps.map((record) => (
          <View key={`${record.step}-${record.recordedAt}`} className="dev-step divided" data-testid="dev-done-step">
            <View className="dev-step__head">
              <Text className="dev-step__name">{STEP_NAMES[record.step]}</Text>
              <Text className="dev-step__date">{record.on}</Text>
            </View>
            <Text className="dev-step__meta">
              {[
                record.recordedByName ? `记录人 ${record.recordedByName}` : '',
                record.materials.length > 0
                  ? `材料 ${record.materials.map((m) => `${MATERIAL_NAMES[m.material]}（${m.fileIds.length}份）`).join('、')}`
                  : '',
                record.note,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            {missingOf(record.step).map(({ material }) => (
              <View key={material} className="dev-step__head">
                <Text className="dev-step__missing">{`缺：${MATERIAL_NAMES[material]}`}</Text>
                {onUpload ? (
                  <Button
                    className="btn btn--ghost dev-inline-btn"
                    disabled={uploading || undefined}
                    data-testid={`dev-upload-${material}`}
                    onClick={() => onUpload(record.step, material)}
                  >
                    上传
                  </Button>
                ) : null}
              </View>
            ))}
          </View>
        ))}
      </View>

      {file.reviews.length > 0 ? (
        <View className="card" data-testid="dev-reviews">
          <Text className="card__title">考察记录</Text>
          {file.reviews.map((note) => (
            <View key={note.id} className="dev-step divided">
              <View className="dev-step__head">
                <Text className="dev-step__name">{note.byName}</Text>
                <Text className="dev-step__date">{note.on}</Text>
              </View>
              <Text className="dev-step__meta">{note.text}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
