/** Builds the language worker into a new temporary folder and answers the script's URL. */
export function buildLanguageWorker(): Promise<URL>;
