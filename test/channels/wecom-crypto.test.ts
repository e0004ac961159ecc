/**
 * WeCom's callback crypto against WeCom's own published sample (WXBizMsgCrypt's Sample:
 * token QDG6eK, corp id wx5823bf96d3bd56c7, the URL-verification request and the encrypted
 * "hello" message), and the refusals a forged or misaddressed callback gets.
 */
import { describe, expect, it } from 'vitest';
import { CallbackCrypto, CallbackRefused, callbackSignature } from '../../src/channels/wecom/callback-crypto.ts';
import { readCallbackMessage, xmlFields } from '../../src/channels/wecom/callback-xml.ts';

const TOKEN = 'QDG6eK';
const CORP_ID = 'wx5823bf96d3bd56c7';
const AES_KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
const VERIFY = {
  signature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
  timestamp: '1409659589',
  nonce: '263014780',
  echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
};
const MESSAGE = {
  signature: '477715d11cdb4164915debcba66cb864d751f3e6',
  timestamp: '1409659813',
  nonce: '1372623149',
  body:
    '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>',
};

describe('WeCom callback crypto (the official sample)', () => {
  const crypto = new CallbackCrypto(TOKEN, AES_KEY, CORP_ID);

  it('verifies the sample URL-verification request and decrypts its echostr', () => {
    expect(callbackSignature(TOKEN, VERIFY.timestamp, VERIFY.nonce, VERIFY.echostr)).toBe(VERIFY.signature);
    expect(() => crypto.verify(VERIFY.signature, VERIFY.timestamp, VERIFY.nonce, VERIFY.echostr)).not.toThrow();
    expect(crypto.decrypt(VERIFY.echostr)).toBe('1616140317555161061');
  });

  it('verifies and decrypts the sample message into the text "hello" from mycreate', () => {
    const encrypted = xmlFields(MESSAGE.body).Encrypt;
    crypto.verify(MESSAGE.signature, MESSAGE.timestamp, MESSAGE.nonce, encrypted);
    const message = readCallbackMessage(crypto.decrypt(encrypted));
    expect(message).toMatchObject({ kind: 'text', from: 'mycreate', text: 'hello', id: '4561255354251345929' });
    expect(message.kind === 'text' && message.sentAt.toISOString()).toBe(new Date(1409659813 * 1000).toISOString());
  });

  it('refuses a wrong signature, another timestamp, and a message for another corp', () => {
    const encrypted = xmlFields(MESSAGE.body).Encrypt;
    expect(() => crypto.verify('0'.repeat(40), MESSAGE.timestamp, MESSAGE.nonce, encrypted)).toThrow(CallbackRefused);
    expect(() => crypto.verify(MESSAGE.signature, '1409659814', MESSAGE.nonce, encrypted)).toThrow(CallbackRefused);
    expect(() => crypto.verify(MESSAGE.signature.slice(0, 10), MESSAGE.timestamp, MESSAGE.nonce, encrypted)).toThrow(CallbackRefused);
    const elsewhere = new CallbackCrypto(TOKEN, AES_KEY, 'ww0000000000000000');
    expect(() => elsewhere.decrypt(encrypted)).toThrow(/not this corp/);
    const otherKey = new CallbackCrypto(TOKEN, 'a'.repeat(43), CORP_ID);
    expect(() => otherKey.decrypt(encrypted)).toThrow(CallbackRefused);
  });
});

describe('WeCom callback messages', () => {
  it('reads files, card clicks and group chat ids; other types are named, not handled', () => {
    const file = readCallbackMessage('<xml><FromUserName><![CDATA[zhangsan]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[file]]></MsgType><MediaId><![CDATA[m1]]></MediaId><FileName><![CDATA[议事规则.docx]]></FileName><MsgId>42</MsgId></xml>');
    expect(file).toMatchObject({ kind: 'file', mediaId: 'm1', name: '议事规则.docx', from: 'zhangsan', id: '42' });
    const click = readCallbackMessage('<xml><FromUserName>lisi</FromUserName><CreateTime>1700000001</CreateTime><MsgType>event</MsgType><Event>template_card_event</Event><EventKey>c2</EventKey><TaskId>t9</TaskId></xml>');
    expect(click).toMatchObject({ kind: 'click', key: 'c2', taskId: 't9', from: 'lisi' });
    expect(readCallbackMessage('<xml><MsgType>event</MsgType><Event>enter_agent</Event></xml>')).toMatchObject({ kind: 'other', type: 'event:enter_agent' });
    const escaped = readCallbackMessage('<xml><FromUserName>a</FromUserName><MsgType>text</MsgType><Content>1 &lt; 2 &amp; 上半年</Content><ChatId>wrk1</ChatId><MsgId>7</MsgId></xml>');
    expect(escaped).toMatchObject({ kind: 'text', text: '1 < 2 & 上半年', chat: 'wrk1' });
  });
});
