// A strict little XML reader for tests: throws on anything not well-formed (unbalanced or misnested tags,
// unquoted or duplicate attributes, bare `&` or `<`, unknown entities, text outside the root).

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Decoded text directly inside this element. */
  text: string;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new Error(`bare "<" near offset ${where}`);
  return raw.replace(/&([^;\s]*);?/g, (match, name: string) => {
    if (!match.endsWith(';')) throw new Error(`unterminated entity near offset ${where}`);
    if (name in entities) return entities[name] as string;
    const code = /^#x([0-9a-f]+)$/i.exec(name)?.[1] ?? /^#(\d+)$/.exec(name)?.[1];
    if (code === undefined) throw new Error(`unknown entity &${name}; near offset ${where}`);
    return String.fromCodePoint(name.startsWith('#x') ? parseInt(code, 16) : Number(code));
  });
}

const nameChars = /^[A-Za-z_][\w.:-]*/;

export function parseXml(xml: string): XmlElement {
  let pos = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    const text = xml.slice(pos, lt < 0 ? xml.length : lt);
    const top = stack.at(-1);
    if (top) top.text += decode(text, pos);
    else if (text.trim() !== '') throw new Error(`text outside the root element at offset ${pos}`);
    if (lt < 0) break;
    const gt = xml.indexOf('>', lt);
    if (gt < 0) throw new Error(`unclosed tag at offset ${lt}`);
    const tag = xml.slice(lt + 1, gt);
    pos = gt + 1;
    if (tag.startsWith('/')) {
      const open = stack.pop();
      if (!open || open.name !== tag.slice(1).trim()) throw new Error(`</${tag.slice(1)}> closes <${open?.name}>`);
      continue;
    }
    const name = nameChars.exec(tag)?.[0];
    if (!name) throw new Error(`bad tag <${tag}> at offset ${lt}`);
    const selfClosing = tag.endsWith('/');
    const attributes: Record<string, string> = {};
    const rest = tag.slice(name.length, selfClosing ? -1 : undefined);
    const attribute = /\s+([A-Za-z_][\w.:-]*)="([^"]*)"|\s+([A-Za-z_][\w.:-]*)='([^']*)'|\s+$/y;
    while (attribute.lastIndex < rest.length) {
      const start = attribute.lastIndex;
      const match = attribute.exec(rest);
      if (!match) throw new Error(`bad attribute in <${name}> near "${rest.slice(start)}"`);
      const key = match[1] ?? match[3];
      if (key === undefined) continue;
      if (key in attributes) throw new Error(`duplicate attribute ${key} in <${name}>`);
      attributes[key] = decode(match[2] ?? match[4] ?? '', lt);
    }
    const element: XmlElement = { name, attributes, children: [], text: '' };
    if (top) top.children.push(element);
    else if (root) throw new Error(`second root element <${name}>`);
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)?.name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

export const childrenNamed = (element: XmlElement, name: string) => element.children.filter((c) => c.name === name);
export const childText = (element: XmlElement, name: string) => childrenNamed(element, name)[0]?.text;
