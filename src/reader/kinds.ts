import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../errors.ts';

/** One kind of activity: stable id, the label staff see, the words that mean it. */
export interface Kind {
  readonly id: string;
  readonly label: string;
  readonly synonyms: readonly string[];
}

const fileSchema = z.object({
  kinds: z.array(z.object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/),
    label: z.string().min(1),
    synonyms: z.array(z.string().min(1)).default([]),
  })).min(1),
});

/** The default taxonomy shipped with Lüzhi (CONTRACTS.md, "Kinds of activity"). */
export const DEFAULT_KINDS_FILE = new URL('./kinds.json', import.meta.url);

/** The set of kinds in use, with look-ups by id and label. */
export class Taxonomy {
  readonly kinds: readonly Kind[];
  private readonly byId: Map<string, Kind>;

  constructor(kinds: readonly Kind[]) {
    this.kinds = kinds;
    this.byId = new Map(kinds.map((k) => [k.id, k]));
    if (!this.byId.has('other')) throw new UserError('bad_kinds', '活动类型表中必须有 other（其他）。');
  }

  /** The kind with this id, or undefined. */
  get(id: string): Kind | undefined {
    return this.byId.get(id);
  }

  /** The kind named by an id or a label (as import files may give either). */
  resolve(idOrLabel: string): Kind | undefined {
    const key = idOrLabel.trim();
    return this.byId.get(key) ?? this.kinds.find((k) => k.label === key);
  }

  /** The label of a kind id (the id itself if unknown). */
  label(id: string): string {
    return this.byId.get(id)?.label ?? id;
  }
}

/** Read a kinds file; throws a UserError in Chinese when it is malformed. */
export function readKindsFile(path: string | URL): Taxonomy {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new UserError('bad_kinds', `活动类型表无法读取：${String(path)}`, { cause });
  }
  const result = fileSchema.safeParse(parsed);
  if (!result.success) {
    throw new UserError('bad_kinds', `活动类型表格式不对：${result.error.issues[0].message}`);
  }
  return new Taxonomy(result.data.kinds);
}

/** The taxonomy for a data folder: its own `kinds.json` if present, else the default. */
export function loadTaxonomy(dataDir?: string): Taxonomy {
  const local = dataDir ? join(dataDir, 'kinds.json') : undefined;
  return readKindsFile(local && existsSync(local) ? local : DEFAULT_KINDS_FILE);
}
