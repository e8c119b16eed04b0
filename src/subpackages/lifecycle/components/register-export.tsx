import { Button } from '@tarojs/components'
import { useSubmit } from '../../../hooks/use-submit'
import { openMade } from '../../../lib/download'
import { call } from '../../../services/call'

/** Those who keep development files (and so may export the register, 发展党员登记册). */
export const FILE_KEEPERS = ['bureau_staff', 'general_branch_secretary', 'branch_secretary']

/**
 * 导出发展党员登记册: the .xlsx of one branch, or (null) of every branch the
 * caller manages, made and opened on a tap (document viewer on weapp, a
 * download in H5).
 */
export function RegisterExportButton({
  branchId,
  testId,
  primary = false,
}: {
  branchId: string | null
  testId: string
  primary?: boolean
}) {
  const exporting = useSubmit(
    async () => openMade(await call('lifecycle', 'exportDevelopmentRegister', { branchId }), (made) => made),
    { toast: (made) => `已导出登记册（${made.rows}人）` },
  )
  return (
    <Button
      className={primary ? 'btn btn--primary' : 'btn'}
      data-testid={testId}
      loading={exporting.busy}
      onClick={() => exporting.submit()}
    >
      导出发展党员登记册
    </Button>
  )
}
