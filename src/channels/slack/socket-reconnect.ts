/**
 * Keeps the Socket Mode connection up. Bolt's own reconnect lets a failed
 * `apps.connections.open` escape as an unhandled rejection, which would end the process on a
 * network blip; here a lost connection is retried with growing pauses until `stop()`.
 */
import type { SocketModeReceiver } from '@slack/bolt';
import type { ChannelLogger } from '../kit/index.ts';

type SocketClient = SocketModeReceiver['client'];

/** Pauses before successive reconnect attempts; the first is short (Slack drops sockets routinely). */
export const RECONNECT_DELAYS_MS = [250, 1_000, 2_000, 5_000, 10_000, 30_000] as const;

/** Reconnect whenever the client is disconnected and the channel is not stopping; returns a stopper. */
export function keepConnected(client: SocketClient, stopping: () => boolean, logger: ChannelLogger, delays: readonly number[] = RECONNECT_DELAYS_MS): () => void {
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;
  const schedule = (): void => {
    // A failed start both rejects and emits `disconnected`: one attempt is enough.
    if (stopping() || timer) return;
    const delay = delays[Math.min(attempt, delays.length - 1)];
    attempt += 1;
    timer = setTimeout(() => {
      timer = undefined;
      if (stopping()) return;
      client.start().then(
        () => {
          attempt = 0;
          logger.info('Socket Mode reconnected');
        },
        (error: unknown) => {
          logger.warn('Socket Mode reconnect failed', { error });
          schedule();
        },
      );
    }, delay);
  };
  client.on('disconnected', schedule);
  return () => {
    clearTimeout(timer);
    timer = undefined;
    client.off('disconnected', schedule);
  };
}
