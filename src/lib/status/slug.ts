// Ids made from names: lowercase ASCII words joined by hyphens, as the schema's id pattern wants.

/** The Statuspage id of a component group: groups have names in the file, and ids only in the JSON. */
export function groupId(groupName: string): string {
  return `group-${slugify(groupName, 12)}`;
}

/** `"Outbound calls failing (Canada)"` -> `outbound-calls-failing-canada`, at most `maxWords` words. */
export function slugify(text: string, maxWords = 8): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.slice(0, maxWords).join('-');
}
