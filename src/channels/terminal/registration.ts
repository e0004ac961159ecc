/** The terminal registers itself: the person at this machine, always allowed and an admin. */
import type { ChannelRegistration } from '../kit/index.ts';

/** The terminal channel (started by app.ts when no chat platform is configured). */
export const registration: ChannelRegistration = {
  label: '终端',
  access: [{ platform: 'terminal', local: true }],
};
