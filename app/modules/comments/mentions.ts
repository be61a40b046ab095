/**
 * The people a comment @mentions. Chinese names are written without a space after them
 * ("@王芳请看"), so after each "@" the longest known name the text starts with wins; an "@" that
 * starts no known name stays plain text.
 */
export function findMentions(body: string, people: { id: number; name: string }[]): number[] {
  const byLength = people.filter((p) => p.name.trim()).sort((a, b) => b.name.length - a.name.length);
  const found = new Set<number>();
  for (let at = body.indexOf("@"); at !== -1; at = body.indexOf("@", at + 1)) {
    const rest = body.slice(at + 1);
    const person = byLength.find((p) => rest.startsWith(p.name));
    if (person) found.add(person.id);
  }
  return [...found];
}
