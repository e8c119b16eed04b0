import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { careTextScale, useCareMode } from '../../lib/care-mode'

interface PageProps {
  children: ReactNode
  className?: string
  testId?: string
}

/**
 * The root of every page: the page background and padding, and the type scale
 * and tap size of the design system (app.css), enlarged in 关怀模式.
 */
export function Page({ children, className, testId }: PageProps) {
  const care = useCareMode()
  const scale = care ? careTextScale() : 1
  return (
    <View
      className={`page${care ? ' page--care' : ''}${className ? ` ${className}` : ''}`}
      style={care && scale !== 1.3 ? `--text-scale: ${scale}` : undefined}
      data-testid={testId}
      data-care={care ? 'on' : 'off'}
    >
      {children}
    </View>
  )
}
