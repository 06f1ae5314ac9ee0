import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

export interface DataFolderReport {
  /** How many *.json files there are (documents, index, snapshots). */
  readonly jsonFiles: number;
  /** *.json files that do not parse, relative to the folder. */
  readonly unparsable: readonly string[];
  /** Leftover temp files of atomicWrite (a kill between creating and renaming one). */
  readonly tmpFiles: readonly string[];
  /** 1-based numbers of journal lines that end in a newline yet do not parse. */
  readonly brokenJournalLines: readonly number[];
  /** The journal ends in an unfinished line, as after a power cut mid-append. */
  readonly journalTornTail: boolean;
}

/** Reads everything the library keeps on disk and says what does not parse. */
export async function inspectDataFolder(dir: string): Promise<DataFolderReport> {
  let jsonFiles = 0;
  const unparsable: string[] = [];
  const tmpFiles: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (entry.name.endsWith('.tmp')) tmpFiles.push(relative(dir, path));
    if (!entry.name.endsWith('.json')) continue;
    jsonFiles++;
    try {
      JSON.parse(await readFile(path, 'utf8'));
    } catch {
      unparsable.push(relative(dir, path));
    }
  }
  let journal = '';
  try {
    journal = await readFile(join(dir, 'index.journal'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const lines = journal.split('\n');
  const tail = lines.pop() ?? '';
  const brokenJournalLines: number[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      JSON.parse(line);
    } catch {
      brokenJournalLines.push(i + 1);
    }
  });
  return { jsonFiles, unparsable, tmpFiles: tmpFiles.sort(), brokenJournalLines, journalTornTail: tail !== '' };
}
