import { pinyin } from 'pinyin-pro'
import { normaliseText } from '../../sheet/cells'

/**
 * What a name is found by besides itself: 拼音首字母 (王建国 → 'wjg') and the
 * full pinyin without tones ('wangjianguo'), lowercase, Latin letters kept as
 * they are. Surnames are read as surnames (曾 → zeng, 单 → shan), the reading
 * a secretary types. Stored on the member, so searching needs no pinyin at run time.
 */
export function searchKeys(name: string): string[] {
  const text = normaliseText(name)
  if (text === '') return []
  // ü is typed as v (吕 → lv), as in every pinyin input method.
  const options = { toneType: 'none', type: 'array', surname: 'head', v: true } as const
  const full = pinyin(text, { ...options, nonZh: 'consecutive' })
    .map(latinOnly)
    .join('')
  const initials = pinyin(text, { ...options, pattern: 'first', nonZh: 'removed' })
    .map(latinOnly)
    .join('')
  return [...new Set([initials, full].filter(Boolean))]
}

const latinOnly = (part: string): string => part.toLowerCase().replace(/[^a-z]/g, '')
