import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { OutputOf } from '../../../../../types/api'
import { TRANSFER_STATE_NAMES } from '../../../../../types/lifecycle'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { FormField, TypeOrPick } from '../../../../components/form-field'
import { LinkRow } from '../../../../components/link-row'
import { ListItem } from '../../../../components/list-item'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { Pager } from '../../../../components/pager'
import { useAction } from '../../../../hooks/use-action'
import { useOnReturn } from '../../../../hooks/use-on-return'
import { useSubmit } from '../../../../hooks/use-submit'
import { floatingPageUrl, incomingTransferPageUrl, memberPageUrl } from '../../../../lib/routes'
import { dateKey } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { canManageTransfers, stateTone } from '../../components/transfer-access'
import '../../components/transfers.css'

type Row = OutputOf<'lifecycle', 'listTransfers'>['items'][number]
type Dialog = { complete: Row } | { cancel: Row } | null

/**
 * 组织关系转接 of a branch (?branchId=), or of the whole county for bureau
 * staff (no branch): open letters oldest first, expired ones flagged, or all.
 * A manager records the 回执 (转出) or the 报到 (转入) with its date, or
 * withdraws a letter with a reason; new letters start on the member's page
 * (转出) or with 登记转入 here.
 */
export default function TransfersPage() {
  const branchId = useRouter().params.branchId ?? null
  const [openOnly, setOpenOnly] = useState(true)
  const [page, setPage] = useState(1)
  const [dialog, setDialog] = useState<Dialog>(null)
  const [on, setOn] = useState(() => dateKey(Date.now()))
  const me = useAction('roster', 'me', {})
  const list = useAction('lifecycle', 'listTransfers', { branchId, openOnly, page })
  useOnReturn(list.reload)
  const manages = me.state === 'ok' && canManageTransfers(me.data.roles)
  const close = () => setDialog(null)
  const done = {
    onDone: () => {
      close()
      list.reload()
    },
    onRefused: () => list.reload(),
  }
  const completing = useSubmit((row: Row) => call('lifecycle', 'completeTransfer', { transferId: row.id, on }), {
    ...done,
    toast: (row) => (row.direction === 'out' ? '已登记回执' : '已报到，已列入名册'),
  })
  const cancelling = useSubmit(
    (row: Row, reason: string) => call('lifecycle', 'cancelTransfer', { transferId: row.id, reason }),
    { ...done, toast: '已撤销' },
  )
  const choose = (next: boolean) => {
    setOpenOnly(next)
    setPage(1)
  }
  const completeRow = dialog && 'complete' in dialog ? dialog.complete : null
  const cancelRow = dialog && 'cancel' in dialog ? dialog.cancel : null

  return (
    <Page>
      <View className="card" data-testid="transfers">
        <View className="chips">
          <Text
            className={`chip${openOnly ? ' chip--on' : ''}`}
            data-testid="transfers-open"
            onClick={() => choose(true)}
          >
            未办结
          </Text>
          <Text
            className={`chip${openOnly ? '' : ' chip--on'}`}
            data-testid="transfers-all"
            onClick={() => choose(false)}
          >
            全部
          </Text>
        </View>
        <PageState
          query={list}
          isEmpty={(data) => data.items.length === 0}
          empty={{
            title: openOnly ? '没有未办结的组织关系转接' : '暂无组织关系转接记录',
            hint: manages && branchId ? '转出县外：在党员页面开具介绍信；转入：点“登记转入”' : undefined,
          }}
        >
          {(data) => (
            <>
              {data.items.map((row) => (
                <ListItem
                  key={row.id}
                  testId="transfer-row"
                  title={`${row.direction === 'out' ? '转出' : '转入'} · ${row.name}`}
                  badges={<Text className={`tag ${stateTone(row.state)}`}>{TRANSFER_STATE_NAMES[row.state]}</Text>}
                  meta={[
                    row.direction === 'out' ? `转往：${row.counterpart}` : `来自：${row.counterpart}`,
                    `介绍信 ${row.letterNo} · ${row.issuedOn} 开具，有效至 ${row.expiresOn}`,
                    branchId ? null : row.branchName,
                    row.doneOn ? `${row.direction === 'out' ? '回执' : '报到'}日期：${row.doneOn}` : null,
                    row.cancelReason ? `撤销原因：${row.cancelReason}` : null,
                  ]}
                  onClick={row.memberId ? () => Taro.navigateTo({ url: memberPageUrl(row.memberId ?? '') }) : undefined}
                >
                  {manages && (row.state === 'issued' || row.state === 'pending' || row.state === 'expired') ? (
                    <View className="btn-row transfer-row__actions">
                      {row.direction === 'out' || row.state !== 'expired' ? (
                        <Button
                          className="btn btn--primary"
                          data-testid="transfer-complete"
                          onClick={(e) => {
                            e.stopPropagation()
                            setOn(dateKey(Date.now()))
                            setDialog({ complete: row })
                          }}
                        >
                          {row.direction === 'out' ? '登记回执' : '登记报到'}
                        </Button>
                      ) : null}
                      <Button
                        className="btn btn--danger-ghost"
                        data-testid="transfer-cancel"
                        onClick={(e) => {
                          e.stopPropagation()
                          setDialog({ cancel: row })
                        }}
                      >
                        撤销
                      </Button>
                    </View>
                  ) : null}
                </ListItem>
              ))}
              <Pager page={data.page} pageSize={20} total={data.total} onPage={setPage} noun="条" />
            </>
          )}
        </PageState>
      </View>

      <View className="card">
        {manages && branchId ? (
          <LinkRow
            testId="transfers-incoming"
            title="登记转入"
            hint="县外转来的党员，报到后列入本支部名册"
            onClick={() => Taro.navigateTo({ url: incomingTransferPageUrl(branchId) })}
          />
        ) : null}
        <LinkRow
          testId="transfers-floating"
          title="流动党员"
          hint="长期在外工作、学习的党员及其参加组织生活的地方"
          onClick={() => Taro.navigateTo({ url: floatingPageUrl(branchId) })}
        />
      </View>

      <ConfirmDialog
        visible={completeRow !== null}
        title={completeRow?.direction === 'out' ? `登记 ${completeRow?.name} 的回执` : `${completeRow?.name} 报到`}
        message={
          completeRow?.direction === 'out'
            ? '收到接收党组织的回执后登记：该党员将移出名册，组织关系变动记录保留。'
            : '本人持介绍信到支部报到后登记：将列入本支部名册，之后可邀请其绑定微信。'
        }
        confirmLabel="确认"
        busy={completing.busy}
        onConfirm={() => completeRow && completing.submit(completeRow)}
        onCancel={close}
      >
        <FormField label={completeRow?.direction === 'out' ? '回执日期' : '报到日期'} required>
          <TypeOrPick mode="date" value={on} placeholder="YYYY-MM-DD" testId="transfer-complete-on" onChange={setOn} />
        </FormField>
      </ConfirmDialog>
      <ConfirmDialog
        visible={cancelRow !== null}
        title={`撤销 ${cancelRow?.name} 的组织关系转接`}
        message="介绍信未使用或已过期不再使用时撤销；记录保留。"
        confirmLabel="确认撤销"
        danger
        reason={{ label: '撤销原因', placeholder: '如：本人放弃调动、介绍信过期', minLength: 2 }}
        busy={cancelling.busy}
        onConfirm={(reason) => cancelRow && cancelling.submit(cancelRow, reason)}
        onCancel={close}
      />
    </Page>
  )
}
