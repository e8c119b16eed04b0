import { fireEvent, render, screen } from '@testing-library/react'
import { MinutesPhotos } from '../../src/subpackages/meetings/components/minutes-photos'
import { calls, resetTaroStub } from './taro-stub'

const LINK = 'http://127.0.0.1:8787/cos/meetings/t_demo/mt_1/1-a.jpg?sign=s&t=1'

describe('会议照片 of saved minutes', () => {
  beforeEach(resetTaroStub)

  test('each photo shows its temporary link; tapping opens the full-size viewer over the photos that exist', () => {
    render(<MinutesPhotos urls={[LINK, null]} />)
    const tiles = screen.getAllByTestId('meeting-photo')
    expect(tiles).toHaveLength(2)
    const image = tiles[0].querySelector('img')
    expect(image?.getAttribute('src')).toBe(LINK)
    expect(tiles[1].textContent).toBe('照片已失效')
    fireEvent.click(image as HTMLImageElement)
    expect(calls).toEqual([{ api: 'previewImage', options: { urls: [LINK], current: LINK } }])
  })

  test('no photos, no grid', () => {
    const { container } = render(<MinutesPhotos urls={[]} />)
    expect(container.innerHTML).toBe('')
  })
})
