// The local package index: `pyrelease demo`'s PyPI and TestPyPI. Everything else in this folder is implementation.
export {
  startIndexServer,
  type IndexedFile,
  type IndexServer,
  type IndexServerOptions,
  type LoggedRequest,
  type PublishOptions,
} from './start-index-server';
export { parseDistFilename, parseSdistFilename, parseWheelFilename, type DistFilename } from './dist-filename';
