import { useState } from 'react'
import { type PickedFile, pickPhotos, uploadToCloud } from '../../services/cloud-files'

export interface UploadedPhoto {
  fileID: string
  /** A local preview (temp path or object URL) of a new photo, the temporary link of a saved one; null when none. */
  preview: string | null
}

/** A preview of a picked photo: the temp path on weapp, an object URL of the File on H5. */
function previewOf(file: PickedFile): string | null {
  if (typeof file.source === 'string') return file.source
  if (typeof Blob !== 'undefined' && file.source instanceof Blob) return URL.createObjectURL(file.source)
  return null
}

interface PhotoUploadsOptions {
  max: number
  /** Where a picked file goes in cloud storage (each subpackage's server accepts only its own folder). */
  pathOf: (fileName: string) => string
  /** Keep a local preview of each new photo (for thumbnails). */
  previews?: boolean
}

/**
 * The photos of a form: pick up to what is left of `max`, upload each, keep the
 * ones that uploaded. `add` resolves to null when the user picked nothing, else
 * to whether some picked photos failed to upload.
 */
export function usePhotoUploads(
  initial: () => UploadedPhoto[],
  { max, pathOf, previews = false }: PhotoUploadsOptions,
) {
  const [photos, setPhotos] = useState<UploadedPhoto[]>(initial)
  const [uploading, setUploading] = useState(false)

  const add = async (): Promise<{ failed: boolean } | null> => {
    const picked = await pickPhotos(max - photos.length)
    if (picked.length === 0) return null
    setUploading(true)
    const uploaded = await Promise.all(
      picked.map(async (file) => {
        const result = await uploadToCloud(pathOf(file.name), file)
        return result.ok ? [{ fileID: result.data.fileID, preview: previews ? previewOf(file) : null }] : []
      }),
    )
    setUploading(false)
    const added = uploaded.flat()
    setPhotos((current) => [...current, ...added].slice(0, max))
    return { failed: added.length < picked.length }
  }

  const remove = (fileID: string) => setPhotos((current) => current.filter((photo) => photo.fileID !== fileID))

  return { photos, setPhotos, uploading, add, remove }
}
