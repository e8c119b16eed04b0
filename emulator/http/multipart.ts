// Minimal multipart/form-data parser for the SDK's openapi requests (small bodies, few parts).
export interface Part {
  name: string
  data: Buffer
}

export function parseMultipart(body: Buffer, contentType: string): Map<string, Part> {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  const boundary = match?.[1] ?? match?.[2]
  const parts = new Map<string, Part>()
  if (!boundary) return parts
  const delimiter = Buffer.from(`--${boundary}`)
  let pos = body.indexOf(delimiter)
  while (pos !== -1) {
    const start = pos + delimiter.length
    if (body.subarray(start, start + 2).toString() === '--') break
    const next = body.indexOf(delimiter, start)
    if (next === -1) break
    // part = CRLF headers CRLF CRLF data CRLF
    const chunk = body.subarray(start + 2, next - 2)
    const headerEnd = chunk.indexOf('\r\n\r\n')
    if (headerEnd !== -1) {
      const headers = chunk.subarray(0, headerEnd).toString('utf8')
      const name = /name="([^"]*)"/i.exec(headers)?.[1]
      if (name !== undefined) parts.set(name, { name, data: chunk.subarray(headerEnd + 4) })
    }
    pos = next
  }
  return parts
}
