/** The terminal channel: standard input/output through the same assistant core. */
export { createTerminalChannel, type TerminalChannel, type TerminalChannelOptions } from './terminal-channel.ts';
export { renderForTerminal } from './render.ts';
