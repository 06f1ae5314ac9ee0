/** Words as a Norwegian reader counts them: "helse- og omsorgsdepartementet" is three, "2024" one. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Characters as a person counts them (a letter with an accent is one), without surrounding space. */
export function countCharacters(text: string): number {
  return [...text.trim().normalize('NFC')].length;
}

/** Length advice for the fields of a press release. */
export const LENGTH_GUIDANCE = {
  /** Titles beyond this are hard to read in lists and when shared. */
  titleCharacters: 80,
  /** An ingress says the most important thing in one to three sentences. */
  ingressCharacters: 300,
} as const;
