/** Case folding for the text comparisons that ignore case; the same on both sides of every comparison. */
export function foldCase(text: string): string {
  return text.toLowerCase();
}
