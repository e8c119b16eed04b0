// Taro resolves './cloud-files' to cloud-files.weapp.ts or cloud-files.h5.ts for the
// platform being built; this declaration is what the type checker sees.
import type { Result } from '../../types/result'

/** A file the user picked: a temp path on weapp, a browser File on H5. */
export interface PickedFile {
  name: string
  size: number
  source: unknown
}

/** Lets the user choose an .xlsx or .csv; null when they cancel. */
export declare function pickSpreadsheet(): Promise<PickedFile | null>

/** Lets a publisher choose a study document (PDF, Word, PPT); null when they cancel. */
export declare function pickDocument(): Promise<PickedFile | null>

/** Puts the file into cloud storage at cloudPath (wx.cloud.uploadFile on weapp). */
export declare function uploadToCloud(cloudPath: string, file: PickedFile): Promise<Result<{ fileID: string }>>

/** Opens a downloaded export: the document viewer on weapp, a browser download on H5. */
export declare function openDownload(url: string, fileName: string): Promise<Result<null>>

/**
 * Opens a document to read it (PDF, Word, PowerPoint, Excel): downloadFile + openDocument on weapp,
 * the browser's own viewer in a new tab on H5.
 */
export declare function openDocumentToRead(url: string, fileType: string): Promise<Result<null>>

/** Lets the user choose up to `count` photos (camera or album on weapp); [] when they cancel. */
export declare function pickPhotos(count: number): Promise<PickedFile[]>
