import type { MeldingApi } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** Present in Electron (the preload); absent in a browser on the devhost. */
    readonly melding?: MeldingApi;
  }
}
