/**
 * The files of a form (the yearly cycle's 对照检查 document, 整改 evidence, 述职报告 attachment; the
 * assessment's 自评 evidence documents): pick a document or photos, upload them into the caller's own
 * folder <root>/<tenant>/<member>/ (the only one the server accepts), list what is attached with 移除
 * before saving, and open a saved file from the temporary link the server returns.
 */
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { useAction } from '../../hooks/use-action'
import { uploadPath } from '../../lib/cloud-paths'
import { openDocumentToRead, pickDocument, pickPhotos, uploadToCloud } from '../../services/cloud-files'
import { FieldError } from '../field-error'
import './index.css'

/** The server's Evidence limit (types/ids.ts). */
export const MAX_ATTACHMENTS = 9

export interface Attachment {
  fileId: string
  /** The temporary link of a saved file; null for one uploaded but not yet saved (or gone from storage). */
  url: string | null
  /** The picked file's name for a new upload; null for a saved one (storage keeps no user file name). */
  name: string | null
}

export const IMAGE = /\.(jpe?g|png|gif|webp|heic)$/i
const DOCUMENT = /\.(pdf|docx?|pptx?|xlsx?)$/i

const extensionOf = (fileId: string) => /\.([a-z0-9]{1,5})$/i.exec(fileId)?.[1]?.toLowerCase() ?? ''

/** 附件2（PDF）or the picked name: how a file is called in the list. */
export function attachmentLabel(file: Attachment, index: number): string {
  if (file.name) return file.name
  const kind = IMAGE.test(file.fileId) ? '照片' : extensionOf(file.fileId).toUpperCase() || '文件'
  return `附件${index + 1}（${kind}）`
}

/** Saved files as the server reads them back ({ fileId, url }). */
export const savedAttachments = (files: readonly { fileId: string; url: string | null }[] | undefined) =>
  (files ?? []).map((file) => ({ ...file, name: null }))

/**
 * The attachments of one form. `add` picks and uploads into the caller's folder under `root` (known once
 * roster.me answers); a failed upload is said in `error`, the files that did upload are kept. `max` is
 * what this form may still take (a form with photos of its own leaves less).
 */
export function useAttachments(initial: () => Attachment[], root: 'yearly' | 'assessment', max = MAX_ATTACHMENTS) {
  const me = useAction('roster', 'me', {})
  const [files, setFiles] = useState<Attachment[]>(initial)
  const [uploading, setUploading] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const owner = me.state === 'ok' ? me.data : null

  const add = async (kind: 'document' | 'photo') => {
    if (!owner) return
    const left = max - files.length
    const picked = kind === 'document' ? [await pickDocument()].flatMap((f) => (f ? [f] : [])) : await pickPhotos(left)
    if (picked.length === 0) return
    setUploading(true)
    setError(null)
    const uploaded = await Promise.all(
      picked.map(async (file) => {
        const path = uploadPath([root, owner.tenant.id, owner.memberId], file.name, Date.now(), 'jpg')
        const result = await uploadToCloud(path, file)
        return result.ok ? [{ fileId: result.data.fileID, url: null, name: file.name }] : []
      }),
    )
    setUploading(false)
    const added = uploaded.flat()
    if (added.length < picked.length) setError('部分文件上传失败，请重试')
    setFiles((current) => [...current, ...added].slice(0, max))
  }

  const remove = (fileId: string) => setFiles((current) => current.filter((file) => file.fileId !== fileId))

  return {
    files,
    fileIds: files.map((file) => file.fileId),
    uploading,
    error,
    ready: owner !== null,
    addDocument: () => add('document'),
    addPhotos: () => add('photo'),
    remove,
  }
}

/** Opens a saved file: a photo in the image viewer, a document in WeChat's viewer (a new tab on H5). */
async function openAttachment(url: string, fileId: string): Promise<string | null> {
  if (IMAGE.test(fileId)) {
    await Taro.previewImage({ urls: [url], current: url })
    return null
  }
  if (!DOCUMENT.test(fileId)) return '该文件类型不能在小程序中打开'
  const shown = await openDocumentToRead(url, extensionOf(fileId))
  return shown.ok ? null : shown.error.message
}

interface AttachmentListProps {
  files: readonly Attachment[]
  /** Shows 移除 beside each file (a form before saving). */
  onRemove?: (fileId: string) => void
  testId?: string
}

/** The attached files: a saved one opens on tap, a new one says it is saved with the form. */
export function AttachmentList({ files, onRemove, testId = 'attachment' }: AttachmentListProps) {
  const [failed, setFailed] = useState<string | null>(null)
  if (files.length === 0) return null
  return (
    <View>
      {files.map((file, index) => {
        const { url } = file
        return (
          <View className="attachment" key={file.fileId} data-testid={testId}>
            {url ? (
              <Text
                className="attachment__name link"
                data-testid={`${testId}-open`}
                onClick={async () => setFailed(await openAttachment(url, file.fileId))}
              >
                {attachmentLabel(file, index)}
              </Text>
            ) : (
              <Text className="attachment__name">{attachmentLabel(file, index)}</Text>
            )}
            <View className="attachment__actions">
              {file.name ? <Text className="tag tag--plain">保存后生效</Text> : null}
              {!url && !file.name ? <Text className="muted--inline">文件已失效</Text> : null}
              {onRemove ? (
                <Text
                  className="link attachment__remove"
                  data-testid={`${testId}-remove`}
                  onClick={() => onRemove(file.fileId)}
                >
                  移除
                </Text>
              ) : null}
            </View>
          </View>
        )
      })}
      <FieldError message={failed} testId={`${testId}-error`} />
    </View>
  )
}

/** A form's attachments: the list with 移除, then 上传文档 / 上传照片 (disabled while uploading or full). */
export function AttachmentsField({
  attachments,
  testId,
}: {
  attachments: ReturnType<typeof useAttachments>
  testId: string
}) {
  const { files, uploading, ready, error } = attachments
  const full = files.length >= MAX_ATTACHMENTS
  const disabled = !ready || uploading || full || undefined
  return (
    <View data-testid={testId}>
      <Text className="muted" data-testid={`${testId}-count`}>
        {uploading
          ? '文件上传中…'
          : files.length > 0
            ? `已添加 ${files.length} 个文件${full ? '（已达上限）' : ''}`
            : '可上传文档（PDF、Word、PPT）或照片，最多9个'}
      </Text>
      <AttachmentList files={files} onRemove={attachments.remove} testId={`${testId}-file`} />
      <View className="btn-row">
        <Button
          className="btn btn--ghost"
          data-testid={`${testId}-document`}
          disabled={disabled}
          onClick={attachments.addDocument}
        >
          上传文档
        </Button>
        <Button
          className="btn btn--ghost"
          data-testid={`${testId}-photo`}
          disabled={disabled}
          onClick={attachments.addPhotos}
        >
          上传照片
        </Button>
      </View>
      <FieldError message={error} testId={`${testId}-error`} />
    </View>
  )
}
