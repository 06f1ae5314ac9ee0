export function apyPython(): string | null;
export function listeningAddresses(port: number): string[];
export function startApy(options?: { modes?: string; timeoutMs?: number }): Promise<{
  url: string;
  port: number;
  pid: number;
  addresses: string[];
  stop(): Promise<void>;
}>;
