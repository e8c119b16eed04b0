import { useSubmit } from '../../../hooks/use-submit'
import { openMade } from '../../../lib/download'
import { call } from '../../../services/call'

/** 导出名册: the server writes the .xlsx, the client opens it (document viewer on weapp, a download on H5). */
export function useRosterExport() {
  const { submit, busy } = useSubmit(
    async (branchId: string | null) => openMade(await call('roster', 'exportRoster', { branchId }), (made) => made),
    { toast: (made) => `已导出 ${made.count} 人` },
  )
  return { exporting: busy, exportRoster: submit }
}
