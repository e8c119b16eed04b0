import { Axis, Canvas, Chart, jsx, Legend, Line, Point } from '@antv/f2'
import { Canvas as TaroCanvas, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { periodLabel } from '../../../lib/time'

/**
 * A line chart drawn by AntV F2 (5.x): the mobile chart library of AntV,
 * maintained, about 200 KB, and made for both a mini-program's 2d canvas and a
 * browser canvas from the same code — ECharts needs its own native
 * component (ec-canvas) on weapp and weighs ~1 MB. Here F2 gets a
 * CanvasRenderingContext2D: from the 2d canvas node on weapp, from the DOM
 * canvas in H5.
 */
export interface TrendRow {
  period: string
  series: string
  value: number
}

interface Props {
  id: string
  rows: TrendRow[]
  height?: number
  /** Formats the y axis (e.g. percentages). */
  percent?: boolean
}

type Context2D = CanvasRenderingContext2D

/** F2's element factory; its typings do not accept its own generic chart classes as element types. */
const el = (type: unknown, props: object, ...children: ReturnType<typeof jsx>[]) =>
  jsx(type as Parameters<typeof jsx>[0], props, ...children)

function drawChart(context: Context2D, width: number, height: number, pixelRatio: number, props: Props) {
  const tick = (value: number) => (props.percent ? `${Math.round(value * 100)}%` : String(value))
  const chart = el(
    Chart,
    { data: props.rows, scale: { value: { min: 0, ...(props.percent ? { max: 1 } : {}), tickCount: 5 } } },
    el(Axis, { field: 'period', style: { label: { fontSize: 10 } }, formatter: periodLabel }),
    el(Axis, { field: 'value', formatter: tick }),
    el(Line, { x: 'period', y: 'value', color: { field: 'series', range: ['#C8161D', '#1677ff', '#faad14'] } }),
    el(Point, { x: 'period', y: 'value', color: { field: 'series', range: ['#C8161D', '#1677ff', '#faad14'] } }),
    el(Legend, { position: 'top' }),
  )
  const canvas = new Canvas({ context, pixelRatio, width, height, children: chart })
  canvas.render()
  return canvas
}

export function TrendChart(props: Props) {
  const { id, rows, height = 220 } = props
  const drawn = useRef<{ destroy: () => void } | null>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: redraw when the data changes
  useEffect(() => {
    let cancelled = false
    const draw = (context: Context2D, width: number, pixelRatio: number) => {
      if (cancelled) return
      drawn.current?.destroy()
      drawn.current = drawChart(context, width, height, pixelRatio, props)
    }
    if (process.env.TARO_ENV === 'h5') {
      // Taro's H5 <Canvas> is a web component whose inner <canvas> appears a moment after mount.
      const tryDraw = (attempt: number) => {
        if (cancelled) return
        const element = document.querySelector(`#${id} canvas, canvas#${id}`) as HTMLCanvasElement | null
        const context = element?.getContext('2d')
        if (!element || !context || element.clientWidth === 0) {
          if (attempt < 40) setTimeout(() => tryDraw(attempt + 1), 50)
          return
        }
        const width = element.clientWidth
        const ratio = window.devicePixelRatio || 1
        element.width = width * ratio
        element.height = height * ratio
        draw(context, width, ratio)
      }
      tryDraw(0)
    } else {
      Taro.nextTick(() => {
        Taro.createSelectorQuery()
          .select(`#${id}`)
          .fields({ node: true, size: true })
          .exec((result: { node: HTMLCanvasElement; width: number }[]) => {
            const found = result?.[0]
            if (!found?.node) return
            const ratio = Taro.getSystemInfoSync().pixelRatio
            found.node.width = found.width * ratio
            found.node.height = height * ratio
            const context = found.node.getContext('2d')
            if (context) draw(context, found.width, ratio)
          })
      })
    }
    return () => {
      cancelled = true
    }
  }, [id, JSON.stringify(rows), height])
  useEffect(() => () => drawn.current?.destroy(), [])
  return (
    <View className="bureau-chart" data-testid={`chart-${id}`}>
      <TaroCanvas type="2d" id={id} canvasId={id} style={{ width: '100%', height: `${height}px` }} />
    </View>
  )
}
