import { Button, View } from '@tarojs/components'
import type { OutputOf } from '../../../../types/api'
import './roster.css'

/** How far the caller reaches into a branch, as roster.listMembers / roster.getMember answer it. */
export type BranchAccess = OutputOf<'roster', 'listMembers'>['access']

interface RosterToolbarProps {
  /** One branch's roster, or the whole bureau's (tree page, bureau staff only). */
  scope: 'branch' | 'bureau'
  /** null while unknown: nothing shows until the server has said. */
  access: BranchAccess | null
  exporting: boolean
  onExport: () => void
  onImport: () => void
  /** 新增党员, on a branch's roster. */
  onAdd?: () => void
}

/**
 * The roster's actions: anyone who reads the roster exports it; those who
 * manage it also import and add. The server decides access; this only lays
 * out what it said.
 */
export function RosterToolbar({ scope, access, exporting, onExport, onImport, onAdd }: RosterToolbarProps) {
  if (access === null) return null
  const manages = access === 'manage'
  return (
    <View className="roster-toolbar" data-testid="roster-toolbar">
      <Button
        className="btn btn--ghost roster-toolbar__button"
        data-testid="roster-export"
        disabled={exporting || undefined}
        onClick={onExport}
      >
        {exporting ? '正在生成…' : scope === 'bureau' ? '导出全部名册' : '导出名册'}
      </Button>
      {manages ? (
        <Button className="btn btn--ghost roster-toolbar__button" data-testid="roster-import" onClick={onImport}>
          {scope === 'bureau' ? '批量导入（全县）' : '批量导入'}
        </Button>
      ) : null}
      {manages && onAdd ? (
        <Button className="btn btn--primary roster-toolbar__button" data-testid="add-member" onClick={onAdd}>
          新增党员
        </Button>
      ) : null}
    </View>
  )
}
