import { groupBy } from '../group-by'
import { cellText, readName, readPhone } from './cells'
import { normaliseHeader } from './headers'

/**
 * What every import of per-member values (外部积分, 党费基数) shares: find the
 * header row among the first rows (a title may sit above it), and match each
 * row to one member of the branch — by 手机号码 when given, else by a name
 * that is unique in the branch — once per file. Pure: no SDK here.
 */

const HEADER_SEARCH_ROWS = 10

/** The 0-based header row and the column of each header found in it, once `complete` accepts what was found. */
export function findHeaderRow<K extends string>(
  sheet: readonly (readonly unknown[])[],
  headers: Record<K, readonly string[]>,
  complete: (found: Partial<Record<K, number>>) => boolean,
): { rowIndex: number; columns: Partial<Record<K, number>> } | null {
  for (let rowIndex = 0; rowIndex < Math.min(HEADER_SEARCH_ROWS, sheet.length); rowIndex++) {
    const found: Partial<Record<K, number>> = {}
    for (const [index, cell] of Array.from(sheet[rowIndex] ?? []).entries()) {
      const text = cellText(cell)
      if (!text.ok) continue
      const header = normaliseHeader(text.value)
      for (const column of Object.keys(headers) as K[]) {
        if (found[column] === undefined && headers[column].includes(header)) found[column] = index
      }
    }
    if (complete(found)) return { rowIndex, columns: found }
  }
  return null
}

export interface BranchMember {
  id: string
  name: string
  phone: string | null
}

export type MemberMatch<M extends BranchMember> =
  | { ok: true; member: M }
  | { ok: false /** The name as typed ('' when unreadable). */; name: string; message: string }

/**
 * A matcher for one file: `nameCell` and `phoneCell` (undefined when the file
 * has no phone column) of a row → the branch member it names, or the reason
 * in Chinese. A member named twice in the file is refused the second time.
 */
export function memberMatcher<M extends BranchMember>(members: readonly M[]) {
  const byPhone = new Map(members.filter((m) => m.phone).map((m) => [m.phone as string, m]))
  const byName = groupBy(members, (member) => member.name)
  const seen = new Set<string>()
  return {
    match(nameCell: unknown, phoneCell: unknown): MemberMatch<M> {
      const name = readName(nameCell)
      const nameText = name.ok ? (name.value ?? '') : ''
      if (!name.ok) return { ok: false, name: nameText, message: name.problem.message }
      const phone = phoneCell === undefined ? null : readPhone(phoneCell)
      if (phone && !phone.ok) return { ok: false, name: nameText, message: phone.problem.message }
      const member = phone?.value ? matchPhone(phone.value, nameText) : matchName(nameText)
      if (!member.ok) return member
      if (seen.has(member.member.id)) {
        return { ok: false, name: member.member.name, message: '同一名党员在文件中出现了多次' }
      }
      seen.add(member.member.id)
      return member
    },
  }

  function matchPhone(phone: string, nameText: string): MemberMatch<M> {
    const member = byPhone.get(phone)
    if (!member) return { ok: false, name: nameText, message: '本支部没有登记该手机号码的党员' }
    if (nameText && member.name !== nameText) {
      return { ok: false, name: nameText, message: `手机号码登记的党员是${member.name}，与姓名不符` }
    }
    return { ok: true, member }
  }

  function matchName(nameText: string): MemberMatch<M> {
    if (!nameText) return { ok: false, name: '', message: '姓名和手机号码都没有填写' }
    const named = byName.get(nameText) ?? []
    if (named.length === 0) return { ok: false, name: nameText, message: '本支部没有这名党员' }
    if (named.length > 1) return { ok: false, name: nameText, message: '本支部有同名党员，请填写手机号码' }
    return { ok: true, member: named[0] }
  }
}
