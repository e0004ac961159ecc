/**
 * The channel kit: the pieces every chat channel shares (bounded memory, per-conversation
 * queue and in-flight tracking, the edit throttle of a message that grows, message splitting,
 * retries with backoff, cached access tokens, numbered choices, the push-style turn, the
 * channel's and the turn's log, the registration), so a channel folder holds only its platform.
 */
export { BoundedMap, InFlight, TurnQueue } from '../../runtime/index.ts';
export { splitText, characters, utf8Bytes, type Measure } from './split-text.ts';
export { EditThrottle } from './edit-throttle.ts';
export { isConnectionFailure, RateLimited, withBackoff, BACKOFF_MS } from './retry.ts';
export { AccessToken, TokenRejected, type IssuedToken } from './access-token.ts';
export { channelLogger, memoryChannelLogger, turnLogger, type ChannelLogger } from './logger.ts';
export { NumberedChoices, CHOICE_TTL_MS } from './numbered-choices.ts';
export { ChoiceButtons, type PressedButton } from './choice-buttons.ts';
export { runPushTurn, type Outbox, type PushTurn } from './push-turn.ts';
export { downloadFailed, numberedChoices } from './messages.ts';
export { platformFile } from './platform-file.ts';
export { closeHttpServer } from './http-server.ts';
export type { ChannelContext, ChannelRegistration, PortUse, SettingsOf } from './registration.ts';
export { channelSettings, optionalText, optionalUrl, type ChannelSettings, type SharedSettings } from './settings.ts';
export { CONSOLE_MENU_MARKERS, consoleMenuMarkdown, menuCommand, withConsoleMenu } from './console-menu.ts';
