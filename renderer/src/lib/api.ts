import type { MeldingApi } from '../../../shared/ipc/contract';
import { createHttpApi } from './httpTransport';

/** The typed API: the preload's in Electron, the HTTP client in a browser on the devhost. */
export const api: MeldingApi = window.melding ?? createHttpApi();
