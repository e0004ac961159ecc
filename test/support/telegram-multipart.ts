/**
 * Request bodies as the Bot API receives them: a query string, JSON, or multipart/form-data
 * the way grammY writes it (`filename=<raw utf-8>` unquoted, no space after the colon).
 */
import type { IncomingMessage } from 'node:http';
import { readBody } from './http-body.ts';

/** A file in a multipart body. */
export interface UploadedFile {
  readonly filename: string;
  readonly data: Buffer;
}

function decodeValue(value: string): unknown {
  const trimmed = value.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed);
    } catch {
      return value;
    }
  }
  return value;
}

/** Parameters from a query string, a JSON body, or a multipart body (as grammY sends files). */
export async function readParams(req: IncomingMessage, url: URL): Promise<{ params: Record<string, unknown>; files: Record<string, UploadedFile> }> {
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const files: Record<string, UploadedFile> = {};
  const body = await readBody(req);
  const type = req.headers['content-type'] ?? '';
  if (body.length === 0) return { params, files };
  if (type.startsWith('application/json')) return { params: { ...params, ...(JSON.parse(body.toString('utf8')) as object) }, files };
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (!type.startsWith('multipart/form-data') || !boundary) throw new Error(`unsupported content type ${type}`);
  for (const part of splitMultipart(body, boundary[1] ?? boundary[2])) {
    const headers = part.headers;
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined) continue;
    // grammY writes `filename=<raw utf-8>` without quotes; browsers quote it. Accept both.
    const filename = /;\s*filename=(?:"([^"]*)"|([^\r\n]*))/i.exec(headers);
    // A part without a file name is still a file when sent as bytes (axios/form-data sends Buffers so).
    if (filename || /content-type:\s*application\/octet-stream/i.test(headers)) files[name] = { filename: filename ? filename[1] ?? filename[2] : '', data: part.data };
    else params[name] = decodeValue(part.data.toString('utf8'));
  }
  return { params, files };
}

function splitMultipart(body: Buffer, boundary: string): { headers: string; data: Buffer }[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { headers: string; data: Buffer }[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    // A part is CRLF, headers, CRLF CRLF, data, CRLF, then the next delimiter.
    const part = body.subarray(start + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    if (split >= 0) parts.push({ headers: part.subarray(0, split).toString('utf8'), data: part.subarray(split + 4) });
    at = next;
  }
  return parts;
}
