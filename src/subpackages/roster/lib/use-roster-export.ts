import Taro from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../../services/call'
import { openDownload } from '../../../services/cloud-files'

/** 导出名册: the server writes the .xlsx, the client opens it (document viewer on weapp, a download on H5). */
export function useRosterExport() {
  const [exporting, setExporting] = useState(false)
  const exportRoster = async (branchId: string | null) => {
    setExporting(true)
    const made = await call('roster', 'exportRoster', { branchId })
    const opened = made.ok ? await openDownload(made.data.url, made.data.fileName) : made
    setExporting(false)
    if (!opened.ok) {
      Taro.showToast({ title: opened.error.message, icon: 'none', duration: 2500 })
    } else if (made.ok) {
      Taro.showToast({ title: `已导出 ${made.data.count} 人`, icon: 'none' })
    }
  }
  return { exporting, exportRoster }
}
