// Object keys are the cloudPaths given to uploadFile ("imports/2024/名单 一.xlsx"). They become file paths
// under the data dir and reach the SDK again inside temp URLs, so a key is accepted only when it is safe
// as both: relative, no dot segments, no separators or control characters of its own.

const MAX_KEY_BYTES = 850 // COS's limit on an object key
const MAX_SEGMENT_BYTES = 255 // a file name on common filesystems

// Why a key is refused, or undefined when it is usable.
export function keyProblem(key: string): string | undefined {
  if (key === '') return 'the cloudPath is empty'
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) return `the cloudPath is longer than ${MAX_KEY_BYTES} bytes`
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(key)) return 'the cloudPath contains a control character'
  if (key.startsWith('/')) return 'the cloudPath must be relative (no leading "/")'
  if (key.includes('\\')) return 'the cloudPath must use "/" as its only separator'
  // The SDK downloads through encodeURI(tempFileURL), which leaves "?" and "#" alone and re-escapes "%",
  // so a key holding them could be stored but never downloaded again.
  if (/[?#%]/.test(key)) return 'the cloudPath must not contain "?", "#" or "%"'
  for (const segment of key.split('/')) {
    if (segment === '') return 'the cloudPath has an empty segment ("//" or a trailing "/")'
    if (segment === '.' || segment === '..') return 'the cloudPath must not contain "." or ".." segments'
    if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES)
      return `a cloudPath segment is longer than ${MAX_SEGMENT_BYTES} bytes`
  }
  return undefined
}

// CloudBase fileIDs look like cloud://<env>.<hex of the env's first two characters>-<env>-<appid>/<cloudPath>.
export function fileIdPrefix(envId: string): string {
  const hex = Buffer.from(envId.slice(0, 2), 'utf8').toString('hex')
  return `cloud://${envId}.${hex}-${envId}-1250000000/`
}

// The key a fileID names, or undefined for fileIDs of another env or keys this emulator would never store.
export function keyOfFileId(fileId: unknown, envId: string): string | undefined {
  if (typeof fileId !== 'string') return undefined
  const prefix = fileIdPrefix(envId)
  if (!fileId.startsWith(prefix)) return undefined
  const key = fileId.slice(prefix.length)
  return keyProblem(key) === undefined ? key : undefined
}
