import { Input, Text, View } from '@tarojs/components'
import './points.css'

export interface PickableMember {
  id: string
  name: string
  hint: string
}

interface MemberPickerProps {
  search: string
  results: PickableMember[]
  loading: boolean
  chosen: PickableMember | null
  onSearch: (text: string) => void
  onChoose: (member: PickableMember) => void
  onClear: () => void
}

/** 选择党员 from the branch roster by name or pinyin initials, instead of typing an id. */
export function MemberPicker({ search, results, loading, chosen, onSearch, onChoose, onClear }: MemberPickerProps) {
  if (chosen) {
    return (
      <View className="picker-chosen" data-testid="award-chosen">
        <Text>
          {chosen.name} <Text className="muted">{chosen.hint}</Text>
        </Text>
        <Text className="chip" data-testid="award-change-member" onClick={onClear}>
          更换
        </Text>
      </View>
    )
  }
  return (
    <View data-testid="member-picker">
      <Input
        className="field-input"
        data-testid="award-member-search"
        value={search}
        placeholder="输入姓名或拼音首字母"
        onInput={(event) => onSearch(event.detail.value)}
      />
      {loading ? <Text className="field-hint">查找中…</Text> : null}
      {!loading && results.length === 0 ? (
        <Text className="field-hint" data-testid="award-no-member">
          {search.trim() ? '本支部没有找到该党员' : '本支部暂无党员'}
        </Text>
      ) : null}
      {results.map((member) => (
        <View
          key={member.id}
          className="picker-result"
          data-testid="award-member-option"
          onClick={() => onChoose(member)}
        >
          <Text>{member.name}</Text>
          <Text className="muted">{member.hint}</Text>
        </View>
      ))}
    </View>
  )
}
