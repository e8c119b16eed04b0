import Taro from '@tarojs/taro'
import type { ActionName, InputOf } from '../../../../types/api'
import { call } from '../../../services/call'
import { openDownload } from '../../../services/cloud-files'

type DownloadAction = Extract<ActionName<'bureau'>, 'exportSheet' | 'recordBookPdf' | 'monthlyReport'>

/** Asks the bureau function for an export and opens it (document viewer on weapp, download in H5). */
export async function downloadExport<A extends DownloadAction>(action: A, input: InputOf<'bureau', A>): Promise<void> {
  Taro.showLoading({ title: '正在生成…' })
  const result = await call('bureau', action, input)
  const opened = result.ok ? await openDownload(result.data.url, result.data.fileName) : result
  Taro.hideLoading()
  if (!opened.ok) Taro.showToast({ title: opened.error.message, icon: 'none' })
}
