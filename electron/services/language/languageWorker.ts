/**
 * The worker thread of one målform: loads its dictionary and the målform lists, then answers
 * checks and suggestions one at a time, so the services' event loop never waits for hunspell.
 * Started by LanguageWorkerClient; built as its own entry (languageWorker.mjs) beside the
 * main bundle.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { LanguageEngine } from './languageEngine';
import { loadEngine } from './loadEngine';
import type { LanguageWorkerData, WorkerRequest, WorkerResponse } from './workerProtocol';

const port = parentPort;
if (!port) throw new Error('languageWorker runs as a worker thread');
const data = workerData as LanguageWorkerData;
const send = (message: WorkerResponse) => port.postMessage(message);

function answer(engine: LanguageEngine, request: WorkerRequest): void {
  if (request.kind === 'personal') {
    engine.setPersonal(request.words);
    return;
  }
  try {
    if (request.kind === 'check') send({ id: request.id, kind: 'checked', blocks: engine.check(request.blocks) });
    else send({ id: request.id, kind: 'suggested', suggestions: engine.suggest(request.word) });
  } catch (error) {
    send({ id: request.id, kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

const began = performance.now();
// Requests that arrive while the dictionary loads wait here, in order.
const early: WorkerRequest[] = [];
let engine: LanguageEngine | null = null;
port.on('message', (request: WorkerRequest) => {
  if (engine) answer(engine, request);
  else early.push(request);
});

loadEngine(data.resourcesDir, data.maalform, data.personal).then(
  (loaded) => {
    engine = loaded;
    send({ kind: 'ready', loadMs: performance.now() - began });
    for (const request of early.splice(0)) answer(loaded, request);
  },
  (error: unknown) => send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
