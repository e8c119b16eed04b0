// COS answers failures as XML; the node-sdk parses <Code>/<Message>/<RequestId>/<TraceId> (all four must be
// present, it destructures them) and throws "uploadFile:fail [Code]: Message" (cloudbase-protocol.md §3).
export class CosFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const escapeXml = (text: string): string => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`)

export function cosErrorXml(code: string, message: string, resource: string, requestId: string): string {
  return [
    "<?xml version='1.0' encoding='utf-8' ?>",
    '<Error>',
    `<Code>${escapeXml(code)}</Code>`,
    `<Message>${escapeXml(message)}</Message>`,
    `<Resource>${escapeXml(resource)}</Resource>`,
    `<RequestId>${escapeXml(requestId)}</RequestId>`,
    `<TraceId>${escapeXml(requestId)}</TraceId>`,
    '</Error>',
  ].join('')
}
