import Taro from '@tarojs/taro'
import type { PickedFile } from '../../../services/cloud-files'

export async function pickDocument(): Promise<PickedFile | null> {
  try {
    // Study documents arrive as files in WeChat chats, as rosters do.
    const res = await Taro.chooseMessageFile({
      count: 1,
      type: 'file',
      extension: ['pdf', 'doc', 'docx', 'ppt', 'pptx'],
    })
    const [file] = res.tempFiles
    return file ? { name: file.name, size: file.size, source: file.path } : null
  } catch {
    return null
  }
}
