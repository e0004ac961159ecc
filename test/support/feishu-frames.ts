/**
 * The frames of Feishu's long connection, encoded and decoded here by hand from the protocol
 * (protobuf `pbbp2.Frame`: 1 SeqID, 2 LogID, 3 service, 4 method, 5 headers {1 key, 2 value},
 * 6 payload_encoding, 7 payload_type, 8 payload, 9 LogIDNew), independently of the SDK's codec.
 */

/** One frame. `method` 0 is control (ping/pong), 1 is data (events). */
export interface Frame {
  readonly SeqID: number;
  readonly LogID: number;
  readonly service: number;
  readonly method: number;
  readonly headers: { key: string; value: string }[];
  readonly payload?: Buffer;
}

function varint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

const key = (field: number, wire: number) => varint(field * 8 + wire);
const bytesField = (field: number, data: Buffer) => Buffer.concat([key(field, 2), varint(data.length), data]);

/** Encode a frame as the server sends it. */
export function encodeFrame(frame: Frame): Buffer {
  const parts = [key(1, 0), varint(frame.SeqID), key(2, 0), varint(frame.LogID), key(3, 0), varint(frame.service), key(4, 0), varint(frame.method)];
  for (const header of frame.headers) {
    parts.push(bytesField(5, Buffer.concat([bytesField(1, Buffer.from(header.key)), bytesField(2, Buffer.from(header.value))])));
  }
  if (frame.payload) parts.push(bytesField(8, frame.payload));
  return Buffer.concat(parts);
}

/** Read the fields of a protobuf message: varints as numbers, length-delimited as bytes. */
function fields(data: Buffer): { field: number; value: number | Buffer }[] {
  const out: { field: number; value: number | Buffer }[] = [];
  let at = 0;
  const readVarint = (): number => {
    let result = 0;
    let scale = 1;
    for (;;) {
      const byte = data[at++];
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 0x80;
    }
  };
  while (at < data.length) {
    const tag = readVarint();
    const wire = tag & 7;
    const field = Math.floor(tag / 8);
    if (wire === 0) out.push({ field, value: readVarint() });
    else if (wire === 2) {
      const length = readVarint();
      out.push({ field, value: data.subarray(at, at + length) });
      at += length;
    } else throw new Error(`unexpected wire type ${wire}`);
  }
  return out;
}

/** Decode a frame the client sent. */
export function decodeFrame(data: Buffer): Frame {
  const frame: { SeqID: number; LogID: number; service: number; method: number; headers: { key: string; value: string }[]; payload?: Buffer } = {
    SeqID: 0, LogID: 0, service: 0, method: 0, headers: [],
  };
  for (const { field, value } of fields(data)) {
    if (field === 1) frame.SeqID = value as number;
    else if (field === 2) frame.LogID = value as number;
    else if (field === 3) frame.service = value as number;
    else if (field === 4) frame.method = value as number;
    else if (field === 5) {
      const header = fields(value as Buffer);
      frame.headers.push({
        key: String((header.find((h) => h.field === 1)?.value as Buffer | undefined) ?? ''),
        value: String((header.find((h) => h.field === 2)?.value as Buffer | undefined) ?? ''),
      });
    } else if (field === 8) frame.payload = Buffer.from(value as Buffer);
  }
  return frame;
}

/** A header's value. */
export function headerOf(frame: Frame, name: string): string | undefined {
  return frame.headers.find((h) => h.key === name)?.value;
}
