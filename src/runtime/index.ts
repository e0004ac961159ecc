/**
 * What every part of Lüzhi shares at run time: the one structured log, the bounded map that
 * holds conversation state in memory, and the per-conversation turn queue with its tracker.
 */
export { BoundedMap, type BoundedMapOptions } from './bounded-map.ts';
export { InFlight, TurnQueue } from './turn-queue.ts';
export { componentLog, createLogger, log, memoryLogger, type LogDestination, type LogFields, type Logger } from './logger.ts';
