/**
 * The Stream connection of `dingtalk-stream`, pointed at a configurable gateway: the SDK has
 * the public gateway's address built in, and 专有钉钉 (and the tests' stand-in) have their own.
 * Only `getEndpoint` is replaced; the socket, acknowledgements, pings and reconnects are the SDK's.
 */
import { DWClient } from 'dingtalk-stream';

/** The robot message topic. */
export const ROBOT_TOPIC = '/v1.0/im/bot/messages/get';

/** A DWClient whose gateway is `${apiBase}/v1.0/gateway/connections/open`. */
export class StreamClient extends DWClient {
  constructor(
    private readonly credentials: { clientId: string; clientSecret: string },
    private readonly apiBase: string,
  ) {
    // keepAlive: the SDK pings every 8 s and drops a dead socket, which then reconnects.
    super({ ...credentials, keepAlive: true, ua: 'lvzhi' });
  }

  override async getEndpoint(): Promise<this> {
    const response = await fetch(`${this.apiBase}/v1.0/gateway/connections/open`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ ...this.credentials, ua: 'lvzhi', subscriptions: this.config.subscriptions }),
    });
    const answer = (await response.json()) as { endpoint?: string; ticket?: string };
    if (!response.ok || !answer.endpoint || !answer.ticket) throw new Error(`gateway refused: HTTP ${response.status}`);
    // The SDK connects to `dw_url`, private in its types only.
    (this as unknown as { dw_url: string }).dw_url = `${answer.endpoint}?ticket=${encodeURIComponent(answer.ticket)}`;
    return this;
  }
}
