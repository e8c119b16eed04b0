/**
 * The photo row of a form; its state and uploads are ./use-photo-uploads.
 * Used only by subpackages, so Taro keeps it out of the main package (mini.optimizeMainPackage).
 */
import { Button, Text, View } from '@tarojs/components'
import './index.css'

interface AddPhotosButtonProps {
  count: number
  max: number
  uploading: boolean
  onAdd: () => void
  testId: string
  className?: string
  children: string
}

/** 添加照片: disabled while uploading and once `max` photos are in. */
export function AddPhotosButton({ count, max, uploading, onAdd, testId, className, children }: AddPhotosButtonProps) {
  return (
    <Button
      className={`btn btn--ghost${className ? ` ${className}` : ''}`}
      data-testid={testId}
      disabled={uploading || count >= max || undefined}
      onClick={onAdd}
    >
      {children}
    </Button>
  )
}

interface PhotoPickerProps {
  count: number
  max: number
  uploading: boolean
  onAdd: () => void
  /** data-testid prefix: '' gives photo-count / add-photos, 'claim-' gives claim-photo-count / claim-add-photos. */
  testIdPrefix?: string
  /** What the photos are (照片, 佐证照片…) and what to say before any is added. */
  noun: string
  empty: string
}

/** A line saying how many photos are in (or that they are uploading) with 添加照片 beside it. */
export function PhotoPicker(props: PhotoPickerProps) {
  const { count, max, uploading, testIdPrefix = '', noun, empty } = props
  return (
    <View className="photo-row">
      <Text className="photo-row__count" data-testid={`${testIdPrefix}photo-count`}>
        {uploading ? '照片上传中…' : count > 0 ? `已添加 ${count} 张${noun}` : empty}
      </Text>
      <AddPhotosButton
        count={count}
        max={max}
        uploading={uploading}
        onAdd={props.onAdd}
        testId={`${testIdPrefix}add-photos`}
      >
        添加照片
      </AddPhotosButton>
    </View>
  )
}
