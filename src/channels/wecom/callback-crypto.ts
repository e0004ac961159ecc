/**
 * WeCom's callback encryption (WXBizMsgCrypt): the signature is SHA1 over the sorted token,
 * timestamp, nonce and encrypted text; the body is AES-256-CBC with the key decoded from the
 * 43-character EncodingAESKey (IV = its first 16 bytes), PKCS#7-padded to 32 bytes, and holds
 * 16 random bytes, a 4-byte length, the message and the receiver id (the corp id).
 */
import { createDecipheriv, createHash, timingSafeEqual } from 'node:crypto';

/** Why a callback was refused (all answered 401; the reason goes to the log only). */
export class CallbackRefused extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'CallbackRefused';
  }
}

/** The signature WeCom puts in `msg_signature`. */
export function callbackSignature(token: string, timestamp: string, nonce: string, encrypted: string): string {
  return createHash('sha1').update([token, timestamp, nonce, encrypted].sort().join('')).digest('hex');
}

/** The AES key of an EncodingAESKey (43 base64 characters → 32 bytes). */
export function aesKeyOf(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey.trim()}=`, 'base64');
  if (key.length !== 32) throw new Error(`EncodingAESKey decodes to ${key.length} bytes, not 32`);
  return key;
}

/** Checks signatures and decrypts what WeCom sends one app. */
export class CallbackCrypto {
  private readonly key: Buffer;

  constructor(
    private readonly token: string,
    encodingAesKey: string,
    /** The corp id the message must be addressed to (政务微信: the organisation's id). */
    private readonly receiverId: string,
  ) {
    this.key = aesKeyOf(encodingAesKey);
  }

  /** Throw CallbackRefused unless `signature` is right for these parts. */
  verify(signature: string, timestamp: string, nonce: string, encrypted: string): void {
    const expected = Buffer.from(callbackSignature(this.token, timestamp, nonce, encrypted));
    const given = Buffer.from(signature.toLowerCase());
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new CallbackRefused('bad signature');
  }

  /** Decrypt an `Encrypt` field (or `echostr`) and check who it was meant for. */
  decrypt(encrypted: string): string {
    let plain: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-cbc', this.key, this.key.subarray(0, 16));
      decipher.setAutoPadding(false);
      plain = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
    } catch (error) {
      throw new CallbackRefused(`cannot decrypt (${(error as Error).message})`);
    }
    const pad = plain.at(-1) ?? 0;
    if (pad < 1 || pad > 32 || pad > plain.length || !plain.subarray(plain.length - pad).every((byte) => byte === pad)) {
      throw new CallbackRefused('bad padding');
    }
    const body = plain.subarray(0, plain.length - pad);
    if (body.length < 20) throw new CallbackRefused('message too short');
    const length = body.readUInt32BE(16);
    if (20 + length > body.length) throw new CallbackRefused('bad message length');
    const receiver = body.subarray(20 + length).toString('utf8');
    if (receiver !== this.receiverId) throw new CallbackRefused(`addressed to ${receiver}, not this corp`);
    return body.subarray(20, 20 + length).toString('utf8');
  }
}
