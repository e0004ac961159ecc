/** The web console's 文档 section: documents, one document's passages and search, upload and changes. */
export { documentRoutes } from './routes.ts';
export { STATUS_LABELS, documentMessages } from './messages.ts';
