/**
 * What a phone user would notice about a page's layout, measured in the browser:
 * text that overflows its box or is clipped, tap targets smaller than a finger,
 * text too small to read, and text too faint for its background. Shared by the
 * layout journey (every page of every persona) and the screenshots script.
 */
import type { Page } from 'playwright-core'

export interface LayoutRules {
  /** Smallest width and height of anything tappable, in CSS px (44 normally, 48 in 关怀模式). */
  minTap: number
  /** Smallest font size of text a user reads, in CSS px. */
  minText: number
  /** Smallest contrast of text against what is behind it (WCAG AA: 4.5). */
  minContrast: number
}

export const NORMAL: LayoutRules = { minTap: 44, minText: 12, minContrast: 4.5 }
export const CARE: LayoutRules = { ...NORMAL, minTap: 48 }

export interface LayoutProblem {
  kind: 'overflow' | 'clipped' | 'tap-target' | 'small-text' | 'contrast'
  /** A short path to the element (tag.class…) and its text, to find it in the page. */
  where: string
  detail: string
}

/**
 * Checks what is on the page now. Runs in the page: plain DOM and CSSOM, no
 * framework hooks except reading which elements React gave a click handler
 * (Taro's H5 View is a custom element; React keeps its props on the node).
 */
export async function layoutProblems(page: Page, rules: LayoutRules): Promise<LayoutProblem[]> {
  await shimNames(page)
  return page.evaluate((r: LayoutRules) => {
    const problems: { kind: string; where: string; detail: string }[] = []
    const TOLERANCE = 0.5
    const describe = (el: Element) => {
      const path: string[] = []
      for (let node: Element | null = el; node && path.length < 3; node = node.parentElement) {
        const cls = Array.from(node.classList)
          .filter((c) => !c.startsWith('hydrated'))
          .slice(0, 2)
        const testId = node.getAttribute('data-testid')
        path.unshift(
          `${node.tagName.toLowerCase()}${cls.length ? `.${cls.join('.')}` : ''}${testId ? `[${testId}]` : ''}`,
        )
      }
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 24)
      return `${path.join(' > ')} “${text}”`
    }
    const visible = (el: Element) => {
      if (!(el as HTMLElement).checkVisibility?.({ checkOpacity: true, checkVisibilityCSS: true })) return false
      const own = el.getBoundingClientRect()
      const box = own.width === 0 && el.firstElementChild ? el.firstElementChild.getBoundingClientRect() : own
      return box.width > 0 && box.height > 0
    }

    // Tap targets: Taro's controls, and every element React gave a click handler.
    const reactProps = (el: Element): Record<string, unknown> | null => {
      const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'))
      return key ? ((el as unknown as Record<string, Record<string, unknown>>)[key] ?? null) : null
    }
    const CONTROLS = [
      'taro-button-core',
      'taro-switch-core',
      'taro-checkbox-core',
      'taro-radio-core',
      'taro-input-core',
      'taro-textarea-core',
      'taro-picker-core',
    ]
    const tappable = (el: Element) => {
      const tag = el.tagName.toLowerCase()
      if (CONTROLS.includes(tag)) return true
      // The native field inside a Taro control is measured as the control.
      if (el.closest(CONTROLS.join(',')) !== null) return false
      if (el.classList.contains('taro-navigation-bar-back') || el.classList.contains('taro-navigation-bar-home')) {
        return true
      }
      if (el.classList.contains('weui-tabbar__item')) return true
      const props = reactProps(el)
      return typeof props?.onClick === 'function' || typeof props?.onTap === 'function'
    }
    // A picker's box is what it wraps (its host is display: contents in some versions).
    const tapBox = (el: Element) => {
      const box = el.getBoundingClientRect()
      if (box.width > 0 || !el.firstElementChild) return box
      return el.firstElementChild.getBoundingClientRect()
    }

    // Colours: the text colour over the first opaque background behind it.
    const parse = (color: string): [number, number, number, number] | null => {
      const m = color.match(/rgba?\(([^)]+)\)/)
      if (!m) return null
      const [red, green, blue, alpha = '1'] = m[1].split(/[ ,/]+/).filter(Boolean)
      return [Number(red), Number(green), Number(blue), Number(alpha)]
    }
    const luminance = ([red, green, blue]: number[]) => {
      const lin = (c: number) => {
        const s = c / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * lin(red) + 0.7152 * lin(green) + 0.0722 * lin(blue)
    }
    const backgroundOf = (el: Element): number[] | null => {
      const layers: number[][] = []
      for (let node: Element | null = el; node; node = node.parentElement) {
        const style = getComputedStyle(node)
        if (style.backgroundImage !== 'none') return null // a gradient or picture: judged by eye
        const bg = parse(style.backgroundColor)
        if (bg && bg[3] > 0) {
          layers.push(bg)
          if (bg[3] >= 1) break
        }
      }
      let base = [255, 255, 255]
      for (const layer of layers.reverse()) {
        const a = layer[3]
        base = base.map((c, i) => layer[i] * a + c * (1 - a))
      }
      return base
    }
    const disabled = (el: Element) =>
      el.closest('[disabled]:not([disabled="false"]), .is-disabled, [aria-disabled="true"]') !== null

    // Clipping: an ancestor that hides overflow must contain the text, up to the nearest
    // scroller on that axis (what lies beyond a scroller is scrolled to, not cut off).
    const clippers = (el: Element) => {
      const found: { el: Element; x: boolean; y: boolean }[] = []
      let liveX = true
      let liveY = true
      for (let node = el.parentElement; node && node !== document.body && (liveX || liveY); node = node.parentElement) {
        const style = getComputedStyle(node)
        const x = liveX && (style.overflowX === 'hidden' || style.overflowX === 'clip')
        const y = liveY && (style.overflowY === 'hidden' || style.overflowY === 'clip')
        if (x || y) found.push({ el: node, x, y })
        if (style.overflowX === 'auto' || style.overflowX === 'scroll') liveX = false
        if (style.overflowY === 'auto' || style.overflowY === 'scroll') liveY = false
      }
      return found
    }
    const inScrollX = (el: Element) => {
      for (let node = el.parentElement; node; node = node.parentElement) {
        const style = getComputedStyle(node)
        if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && node.scrollWidth > node.clientWidth) {
          return true
        }
      }
      return false
    }

    const seenTargets = new Set<Element>()
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      if (!visible(el)) continue
      if (tappable(el) && !disabled(el) && !seenTargets.has(el)) {
        seenTargets.add(el)
        const box = tapBox(el)
        if (box.width < r.minTap - TOLERANCE || box.height < r.minTap - TOLERANCE) {
          problems.push({
            kind: 'tap-target',
            where: describe(el),
            detail: `${Math.round(box.width)}×${Math.round(box.height)} px < ${r.minTap}`,
          })
        }
      }
      const texts = Array.from(el.childNodes).filter(
        (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
      )
      if (texts.length === 0) continue
      const style = getComputedStyle(el)
      const size = Number.parseFloat(style.fontSize)
      if (size < r.minText - 0.05) {
        problems.push({ kind: 'small-text', where: describe(el), detail: `${size.toFixed(1)} px < ${r.minText}` })
      }
      const fg = parse(style.color)
      const bg = backgroundOf(el)
      if (fg && bg && !disabled(el)) {
        const a = fg[3]
        const seen = bg.map((c, i) => fg[i] * a + c * (1 - a))
        const [hi, lo] = [luminance(seen), luminance(bg)].sort((x, y) => y - x)
        const ratio = (hi + 0.05) / (lo + 0.05)
        if (ratio < r.minContrast - 0.01) {
          problems.push({ kind: 'contrast', where: describe(el), detail: `${ratio.toFixed(2)}:1 < ${r.minContrast}` })
        }
      }
      const box = el.getBoundingClientRect()
      for (const node of texts) {
        const range = document.createRange()
        range.selectNodeContents(node)
        const text = range.getBoundingClientRect()
        if (text.width === 0) continue
        // Text spilling out of its own box (a word that cannot wrap, a badge too wide for its row).
        if (text.right > box.right + 1 || text.left < box.left - 1) {
          if (!inScrollX(el)) {
            problems.push({
              kind: 'overflow',
              where: describe(el),
              detail: `text ${Math.round(text.width)} px wide in a ${Math.round(box.width)} px box`,
            })
          }
        }
        // Text cut off by an ancestor that hides overflow (…-ellipsis, line clamps, fixed heights).
        for (const clip of clippers(el)) {
          const edge = clip.el.getBoundingClientRect()
          const cutX = clip.x && (text.right > edge.right + 1 || text.left < edge.left - 1)
          const cutY = clip.y && (text.bottom > edge.bottom + 1 || text.top < edge.top - 1)
          if (cutX || cutY) {
            problems.push({ kind: 'clipped', where: describe(el), detail: `cut by ${describe(clip.el)}` })
            break
          }
        }
        // Nothing runs off the side of the phone unless it sits in a sideways scroller.
        if (text.right > window.innerWidth + 1 && !inScrollX(el)) {
          problems.push({ kind: 'overflow', where: describe(el), detail: 'runs past the right edge of the screen' })
        }
      }
    }
    return problems
  }, rules) as Promise<LayoutProblem[]>
}

/** One line per problem, for a failure message a person can act on. */
export function formatProblems(problems: readonly LayoutProblem[]): string {
  return problems.map((p) => `${p.kind}: ${p.where} — ${p.detail}`).join('\n')
}

/** tsx (esbuild, keepNames) wraps named functions in __name(); a page evaluating them has no such helper. */
async function shimNames(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name ??= (fn) => fn')
}

/** Waits until the page has its data, stands still and has its fonts: what a person looks at. */
export async function waitUntilAtRest(page: Page): Promise<void> {
  await shimNames(page)
  await page.waitForFunction(pageAtRest, undefined, { timeout: 20_000, polling: 100 })
  await page.evaluate(() => document.fonts.ready)
}

/**
 * For page.waitForFunction: the page has loaded its data (no skeletons), its
 * charts are drawn, and it stands still (Taro's H5 slides a new page in; a layout measured mid-slide
 * runs off the screen). Endless animations, such as a spinner, do not count.
 */
export function pageAtRest(): boolean {
  // The page the address names is the one shown (a hash change takes a moment to render its page).
  const route = location.hash.replace(/^#/, '').split('?')[0]
  const shown = Array.from(document.querySelectorAll('.taro_page')).some(
    (page) => page.id.split('?')[0] === route && page.classList.contains('taro_page_show'),
  )
  if (!shown) return false
  if (document.querySelector('[data-testid="page-state-loading"], [data-testid="join-loading"]')) return false
  // A chart still being drawn on its canvas.
  if (document.querySelector('[data-drawing="yes"]')) return false
  return document
    .getAnimations()
    .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity)
}
