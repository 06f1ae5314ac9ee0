import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBus } from '../../../electron/services/eventBus';
import { Library, type LibraryDeps } from '../../../electron/services/library/library';
import { silentLogger } from '../../../electron/services/logger';
import type { Notice } from '../../../electron/services/settingsService';
import type { DocumentContent } from '../../../shared/domain/document';

/** A controllable clock: starts at a fixed instant and moves only when told. */
export class TestClock {
  constructor(public ms = Date.parse('2026-11-23T10:00:00Z')) {}
  now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}

export async function libraryDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'melding-library-'));
}

export async function openLibrary(dir: string, overrides: Partial<LibraryDeps> = {}) {
  const clock = new TestClock();
  const notices: Notice[] = [];
  const bus = new EventBus();
  const events: unknown[] = [];
  bus.subscribe((event, payload) => events.push([event, payload]));
  const library = await Library.open(
    { dir, bus, logger: silentLogger, now: clock.now, newId: randomUUID, author: () => ({ name: 'Kari Nordmann', email: 'kari@hod.dep.no' }), ...overrides },
    notices,
  );
  return { library, clock, notices, events };
}

export function content(overrides: Partial<DocumentContent> = {}): DocumentContent {
  return {
    type: 'pressemelding',
    maalform: 'nn',
    title: 'Styrkjer sjukehusa',
    ingress: 'Regjeringa vil styrkje sjukehusa.',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ventetidene skal ned i heile landet.' }] }] },
    contacts: [],
    images: [],
    tags: [],
    embargoAt: null,
    internalNote: '',
    ...overrides,
  };
}

/** Waits until the library's background pass over the bodies is done. */
export async function bodiesIndexed(library: Library): Promise<void> {
  for (let i = 0; i < 500 && !library.bodySearchReady; i++) await new Promise((r) => setTimeout(r, 10));
  if (!library.bodySearchReady) throw new Error('background indexing did not finish');
}
