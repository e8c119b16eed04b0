import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import './meetings.css'

/**
 * 会议照片 of saved minutes, read-only: each from its temporary link (the
 * server signs them with the meeting), tap to view full size. A photo whose
 * file is gone says so instead of showing a broken image.
 */
export function MinutesPhotos({ urls }: { urls: readonly (string | null)[] }) {
  if (urls.length === 0) return null
  const shown = urls.filter((url): url is string => url !== null)
  return (
    <View className="meet-photos" data-testid="meeting-photos">
      {urls.map((url, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the photos of saved minutes keep their order
        <View key={index} className="meet-photo" data-testid="meeting-photo">
          {url ? (
            <Image
              className="meet-photo__image"
              src={url}
              mode="aspectFill"
              onClick={() => Taro.previewImage({ urls: shown, current: url })}
            />
          ) : (
            <Text className="meet-photo__name">照片已失效</Text>
          )}
        </View>
      ))}
    </View>
  )
}
