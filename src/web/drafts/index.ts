/** The web console's 起草 section: grounded drafts, edited in place, re-checked and downloaded as Word. */
export { draftRoutes } from './routes.ts';
export { draftMessages } from './messages.ts';
