import { Axis, Canvas, Chart, jsx, Legend, Line, Point } from '@antv/f2'
import { Canvas as TaroCanvas, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { pixelRatio } from '../../../lib/screen'
import { periodLabel } from '../../../lib/time'
import { drawnRows, type TrendRow } from '../lib/trend-rows'

/**
 * A line chart drawn by AntV F2 (5.x): the mobile chart library of AntV,
 * maintained, about 200 KB, and made for both a mini-program's 2d canvas and a
 * browser canvas from the same code — ECharts needs its own native
 * component (ec-canvas) on weapp and weighs ~1 MB. Here F2 gets a
 * CanvasRenderingContext2D: from the 2d canvas node on weapp, from the DOM
 * canvas in H5.
 */

interface Props {
  id: string
  rows: TrendRow[]
  height?: number
  /** Formats the y axis (e.g. percentages). */
  percent?: boolean
  /** The period still under way (this month): drawn hollow, reached by a dashed line. */
  partialPeriod?: string | null
}

type Context2D = CanvasRenderingContext2D

/** Okabe–Ito colours: told apart with any colour vision, and dark enough on white. */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73']

/** Axis and legend text in CSS px: readable on a phone (≥ 11 px). */
const LABEL_SIZE = 12

/** F2's element factory; its typings do not accept its own generic chart classes as element types. */
const el = (type: unknown, props: object, ...children: ReturnType<typeof jsx>[]) =>
  jsx(type as Parameters<typeof jsx>[0], props, ...children)

function drawChart(context: Context2D, width: number, height: number, ratio: number, props: Props) {
  const tick = (value: number) => (props.percent ? `${Math.round(value * 100)}%` : String(value))
  const data = drawnRows(props.rows, props.partialPeriod ?? null)
  const periods = [...new Set(props.rows.map((row) => row.period))].sort()
  const colour = { field: 'series', range: SERIES_COLOURS }
  const label = { fontSize: LABEL_SIZE, fill: '#4d4d4d' }
  const chart = el(
    Chart,
    {
      data,
      scale: {
        period: { type: 'cat', values: periods },
        value: { min: 0, ...(props.percent ? { max: 1 } : {}), tickCount: 5, nice: true },
        segment: { type: 'cat', values: ['done', 'open'] },
        kind: { type: 'cat', values: ['done', 'open'] },
      },
    },
    el(Axis, { field: 'period', style: { label }, formatter: periodLabel }),
    el(Axis, { field: 'value', style: { label }, formatter: tick }),
    el(Line, { x: 'period', y: 'value', color: colour, shape: { field: 'segment', range: ['line', 'dash'] } }),
    el(Point, { x: 'period', y: 'value', color: colour, shape: { field: 'kind', range: ['circle', 'hollowCircle'] } }),
    el(Legend, { position: 'top', nameStyle: { fontSize: LABEL_SIZE, fill: '#1f1f1f' } }),
  )
  const canvas = new Canvas({
    context,
    pixelRatio: ratio,
    width,
    height,
    animate: false,
    // F2 reads "px" in its theme as 750-wide design px scaled by the page's root font size, which
    // Taro's H5 sets small (the 5 px legends of old): here a design px is half a CSS px, as in Taro.
    px2hd: (px: number) => px / 2,
    children: chart,
  })
  canvas.render()
  return canvas
}

export function TrendChart(props: Props) {
  const { id, rows, height = 220, partialPeriod = null } = props
  const drawn = useRef<{ destroy: () => void } | null>(null)
  // Whether the canvas shows the current rows yet (data-drawing lets a screenshot wait for it).
  const [drawing, setDrawing] = useState(true)
  // biome-ignore lint/correctness/useExhaustiveDependencies: redraw when the data changes
  useEffect(() => {
    let cancelled = false
    setDrawing(true)
    const draw = (context: Context2D, width: number, ratio: number) => {
      if (cancelled) return
      drawn.current?.destroy()
      drawn.current = drawChart(context, width, height, ratio, props)
      setDrawing(false)
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
        // Drawn at the screen's pixel ratio: crisp lines and text on a 2× or 3× phone.
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
            const ratio = pixelRatio()
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
  }, [id, JSON.stringify(rows), height, partialPeriod])
  useEffect(() => () => drawn.current?.destroy(), [])
  const partial = partialPeriod !== null && rows.some((row) => row.period === partialPeriod)
  return (
    <View className="bureau-chart" data-testid={`chart-${id}`} data-drawing={drawing ? 'yes' : 'no'}>
      <TaroCanvas type="2d" id={id} canvasId={id} style={{ width: '100%', height: `${height}px` }} />
      {partial ? (
        <Text className="bureau-chart__note">{`空心点与虚线为${periodLabel(partialPeriod)}，统计到今天，月底前还会变化`}</Text>
      ) : null}
    </View>
  )
}
