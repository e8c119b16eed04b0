import protobuf from 'protobufjs/minimal'

// The two protobuf messages of cloud.openapi (see cloudbase-protocol.md §5), hand-coded with the minimal runtime:
//   CommApiData     { 1 apiType varint; 2 openapiData { 1 repeated pairs { 1 key; 2 value bytes; 3 contenttype;
//                     4 filename } }; 6 appid }
//   CommOpenApiResp { 1 respData bytes; 2 contentType string; 3 errorCode int32; 4 httpCode int32;
//                     6 svrkitErrorCode int32 }
// Verified: getUnlimited({scene:'a=1'}) = 080012100a0e0a057363656e65120522613d3122.

export interface OpenApiPair {
  key: string
  value: Uint8Array
}

function decodePair(reader: protobuf.Reader, end: number): OpenApiPair {
  const pair: OpenApiPair = { key: '', value: new Uint8Array() }
  while (reader.pos < end) {
    const tag = reader.uint32()
    if (tag >>> 3 === 1) pair.key = reader.string()
    else if (tag >>> 3 === 2) pair.value = reader.bytes()
    else reader.skipType(tag & 7)
  }
  return pair
}

function decodeOpenapiData(reader: protobuf.Reader, end: number): OpenApiPair[] {
  const pairs: OpenApiPair[] = []
  while (reader.pos < end) {
    const tag = reader.uint32()
    if (tag >>> 3 === 1) {
      const len = reader.uint32()
      pairs.push(decodePair(reader, reader.pos + len))
    } else reader.skipType(tag & 7)
  }
  return pairs
}

export function decodeCommApiData(bytes: Uint8Array): { pairs: OpenApiPair[]; appid: string } {
  const reader = protobuf.Reader.create(bytes)
  const out = { pairs: [] as OpenApiPair[], appid: '' }
  while (reader.pos < reader.len) {
    const tag = reader.uint32()
    if (tag >>> 3 === 2) {
      const len = reader.uint32()
      out.pairs.push(...decodeOpenapiData(reader, reader.pos + len))
    } else if (tag >>> 3 === 6) out.appid = reader.string()
    else reader.skipType(tag & 7)
  }
  return out
}

export function encodeCommOpenApiResp(resp: {
  respData: Uint8Array
  contentType: string
  errorCode?: number
}): Uint8Array {
  const w = protobuf.Writer.create()
  w.uint32((1 << 3) | 2).bytes(resp.respData)
  w.uint32((2 << 3) | 2).string(resp.contentType)
  if (resp.errorCode) w.uint32((3 << 3) | 0).int32(resp.errorCode)
  w.uint32((4 << 3) | 0).int32(200)
  return w.finish()
}
