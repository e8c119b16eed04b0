import { normaliseText } from './cells'

/**
 * Headers compared as 姓名 whatever was typed: full-width letters, spaces
 * (also U+3000 and line breaks inside a cell), a required-field asterisk
 * (*姓名), a trailing colon (姓名：) or a hint in brackets (入党日期（年月日）).
 */
export function normaliseHeader(text: string): string {
  return normaliseText(text)
    .replace(/\s+/g, '')
    .replace(/^\*+/, '')
    .replace(/[*:]+$/, '')
    .replace(/\([^()]*\)$/, '')
    .replace(/[*:]+$/, '')
}
