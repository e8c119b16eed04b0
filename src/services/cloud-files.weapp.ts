import Taro from '@tarojs/taro'
import { fail, ok, type Result } from '../../types/result'
import type { PickedFile } from './cloud-files'

export type { PickedFile } from './cloud-files'

// Rosters and study documents arrive as files in WeChat chats; chooseMessageFile is how a phone reaches them.
async function chooseChatFile(extension: string[]): Promise<PickedFile | null> {
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension })
    const [file] = res.tempFiles
    return file ? { name: file.name, size: file.size, source: file.path } : null
  } catch {
    return null
  }
}

export const pickSpreadsheet = () => chooseChatFile(['xlsx', 'csv'])
export const pickDocument = () => chooseChatFile(['pdf', 'doc', 'docx', 'ppt', 'pptx'])

export async function uploadToCloud(cloudPath: string, file: PickedFile): Promise<Result<{ fileID: string }>> {
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath: String(file.source) })
    return ok({ fileID: res.fileID })
  } catch {
    return fail('SYSTEM.UPLOAD_FAILED')
  }
}

type ViewerType = 'pdf' | 'doc' | 'docx' | 'ppt' | 'pptx' | 'xls' | 'xlsx'

/** Downloads a temporary link and opens it in WeChat's document viewer (with its menu: forward, save). */
async function viewDocument(url: string, fileType: ViewerType): Promise<Result<null>> {
  try {
    const { tempFilePath, statusCode } = await Taro.downloadFile({ url })
    if (statusCode !== 200) return fail('SYSTEM.DOWNLOAD_FAILED')
    await Taro.openDocument({ filePath: tempFilePath, fileType, showMenu: true })
    return ok(null)
  } catch {
    return fail('SYSTEM.DOWNLOAD_FAILED')
  }
}

export function openDownload(url: string, fileName: string): Promise<Result<null>> {
  return viewDocument(url, fileName.endsWith('.pdf') ? 'pdf' : 'xlsx')
}

export function openDocumentToRead(url: string, fileType: string): Promise<Result<null>> {
  return viewDocument(url, fileType as ViewerType)
}

export async function pickPhotos(count: number): Promise<PickedFile[]> {
  try {
    const res = await Taro.chooseMedia({
      count,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['compressed'],
    })
    return res.tempFiles.map((file, index) => {
      const extension = /\.[a-z0-9]+$/i.exec(file.tempFilePath)?.[0] ?? '.jpg'
      return { name: `photo-${index + 1}${extension}`, size: file.size, source: file.tempFilePath }
    })
  } catch {
    return []
  }
}
