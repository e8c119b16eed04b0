import type { ActionName, InputOf } from '../../../../types/api'
import { useSubmit } from '../../../hooks/use-submit'
import { openMade } from '../../../lib/download'
import { call } from '../../../services/call'

type DownloadAction = Extract<ActionName<'bureau'>, 'exportSheet' | 'recordBookPdf' | 'monthlyReport'>

/** An export of the bureau function, made and opened on a tap (document viewer on weapp, download in H5). */
export function useBureauExport<A extends DownloadAction>(action: A) {
  return useSubmit(async (input: InputOf<'bureau', A>) => openMade(await call('bureau', action, input), (made) => made))
}
