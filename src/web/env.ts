/**
 * The types every page module shares: what the console is built from (`WebDeps`), the Hono
 * environment of its routes (`c.get('viewer')`, `c.get('services')`), and the shape of a page
 * module (a factory returning a Hono sub-app, mounted with `app.route(path, module(deps))`).
 */
import type { Hono } from 'hono';
import type { Services } from '../app.ts';
import type { Access, Departments } from '../assistant/index.ts';
import type { Settings } from '../config.ts';
import type { Viewer } from './viewer.ts';

/** What the web console runs on: the composition root's services and the clock. */
export interface WebDeps {
  /** Storage, the activity log, the knowledge base, drafting… (src/app.ts `openServices`). */
  readonly services: Services;
  readonly settings: Settings;
  readonly access: Access;
  readonly departments: Departments;
  /** Milliseconds since the epoch; tests move it to expire links and sessions. */
  readonly now: () => number;
}

/** The Hono environment of every signed-in route. */
export type WebEnv = {
  Variables: {
    /** The signed-in person (set by the session guard before any page runs). */
    viewer: Viewer;
    /** The same services as `WebDeps.services`, for handlers written without the deps in scope. */
    services: Services;
  };
};

/** A page module: a sub-app over the deps, mounted at its section's path. */
export type PageModule = (deps: WebDeps) => Hono<WebEnv>;
