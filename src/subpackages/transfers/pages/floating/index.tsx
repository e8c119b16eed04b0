import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { OutputOf } from '../../../../../types/api'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { FormField, TypeOrPick } from '../../../../components/form-field'
import { ListItem } from '../../../../components/list-item'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { Pager } from '../../../../components/pager'
import { useAction } from '../../../../hooks/use-action'
import { useOnReturn } from '../../../../hooks/use-on-return'
import { useSubmit } from '../../../../hooks/use-submit'
import { memberPageUrl } from '../../../../lib/routes'
import { dateKey } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { canManageTransfers } from '../../components/transfer-access'
import '../../components/transfers.css'

type Row = OutputOf<'lifecycle', 'listFloating'>['items'][number]

/**
 * 流动党员 of a branch (?branchId=) or, for bureau staff, the county: who is
 * away, where, and which Party organisation they take part in there. A
 * manager marks one 返回 with the day; a new record starts on the member's page.
 */
export default function FloatingPage() {
  const branchId = useRouter().params.branchId ?? null
  const [page, setPage] = useState(1)
  const [back, setBack] = useState<Row | null>(null)
  const [until, setUntil] = useState(() => dateKey(Date.now()))
  const me = useAction('roster', 'me', {})
  const list = useAction('lifecycle', 'listFloating', { branchId, page })
  useOnReturn(list.reload)
  const manages = me.state === 'ok' && canManageTransfers(me.data.roles)
  const ending = useSubmit((row: Row) => call('lifecycle', 'endFloating', { floatingId: row.id, until }), {
    toast: '已登记返回',
    onDone: () => {
      setBack(null)
      list.reload()
    },
  })
  return (
    <Page>
      <View className="card" data-testid="floating">
        <PageState
          query={list}
          isEmpty={(data) => data.items.length === 0}
          empty={{
            title: '没有在外的流动党员',
            hint: manages ? '在党员页面点“登记为流动党员”' : undefined,
          }}
        >
          {(data) => (
            <>
              {data.items.map((row) => (
                <ListItem
                  key={row.id}
                  testId="floating-row"
                  title={row.name}
                  badges={<Text className="tag tag--info">流动党员</Text>}
                  meta={[
                    `外出地点：${row.whereabouts}`,
                    `参加组织生活：${row.hostOrg ?? '未填写'}`,
                    `${row.since} 起${branchId ? '' : ` · ${row.branchName}`}`,
                    row.contact ? `联系方式：${row.contact}` : null,
                  ]}
                  onClick={() => Taro.navigateTo({ url: memberPageUrl(row.memberId) })}
                >
                  {manages ? (
                    <View className="btn-row transfer-row__actions">
                      <Button
                        className="btn btn--ghost"
                        data-testid="floating-back"
                        onClick={(e) => {
                          e.stopPropagation()
                          setUntil(dateKey(Date.now()))
                          setBack(row)
                        }}
                      >
                        登记返回
                      </Button>
                    </View>
                  ) : null}
                </ListItem>
              ))}
              <Pager page={data.page} pageSize={20} total={data.total} onPage={setPage} noun="人" />
            </>
          )}
        </PageState>
      </View>
      <ConfirmDialog
        visible={back !== null}
        title={`${back?.name} 返回`}
        message="结束流动党员登记，记录保留。"
        confirmLabel="确认"
        busy={ending.busy}
        onConfirm={() => back && ending.submit(back)}
        onCancel={() => setBack(null)}
      >
        <FormField label="返回日期" required>
          <TypeOrPick mode="date" value={until} placeholder="YYYY-MM-DD" testId="floating-until" onChange={setUntil} />
        </FormField>
      </ConfirmDialog>
    </Page>
  )
}
