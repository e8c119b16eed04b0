import { useSubmit } from '../../../hooks/use-submit'
import { openMade } from '../../../lib/download'
import { call } from '../../../services/call'

/** Those who keep development files, and so may export the register (发展党员登记册). */
export const REGISTER_EXPORTERS = ['bureau_staff', 'general_branch_secretary', 'branch_secretary']

/**
 * 导出登记册: the .xlsx of one branch, or (null) of every branch the caller
 * manages, made and opened on a tap (document viewer on weapp, download in H5).
 */
export function useRegisterExport() {
  return useSubmit(
    async (branchId: string | null) =>
      openMade(await call('lifecycle', 'exportDevelopmentRegister', { branchId }), (made) => made),
    { toast: (made) => `已导出登记册（${made.rows}人）` },
  )
}
