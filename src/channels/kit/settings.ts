/**
 * A channel's own settings: the variables it reads (their names as CONTRACTS.md gives them,
 * each with its check and its Chinese message) and how they become one typed value per mode.
 * A channel declares them in its folder's `settings.ts`; src/config.ts puts every registered
 * channel's variables beside the core ones and reads each channel's value.
 */
import { z } from 'zod';

/** A variable that may be absent; blank counts as absent. */
export const optionalText = z.string().trim().optional().transform((v) => (v ? v : undefined));

/** An optional web address (an API base, a webhook URL). */
export const optionalUrl = optionalText.pipe(z.url().optional());

/** The settings channels share (the core reads them): the HTTP port for callbacks. */
export interface SharedSettings {
  readonly PORT?: number;
}

/** A channel's variables and the typed value they make; undefined when none of them is given. */
export interface ChannelSettings<S> {
  /** Name → check; the names all start with the channel's own prefix (`<NAME>_…`). */
  readonly shape: z.ZodRawShape;
  /** The checked variables → the channel's settings; a set given in part throws a UserError naming what is missing. */
  read(values: Readonly<Record<string, unknown>>, shared: SharedSettings): S | undefined;
}

/** Declare a channel's settings: `read` sees its variables typed by their checks. */
export function channelSettings<Shape extends z.ZodRawShape, S>(
  shape: Shape,
  read: (values: z.output<z.ZodObject<Shape>>, shared: SharedSettings) => S | undefined,
): ChannelSettings<S> {
  return { shape, read: (values, shared) => read(values as z.output<z.ZodObject<Shape>>, shared) };
}
