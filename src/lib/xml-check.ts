// A small XML well-formedness check for IdP metadata, shared by the simulator (Node has no DOMParser) and the console
// (where DOMParser's error document carries inline styles that the strict CSP reports): balanced tags, quoted unique
// attributes, known entities, declared namespace prefixes, one root. A DOCTYPE is refused outright, as SAML libraries
// do (no entity tricks).

export interface XmlElement {
  /** The name without its namespace prefix. */
  localName: string;
  attributes: Map<string, string>;
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;
const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

function parseAttributes(text: string, at: number): Map<string, string> {
  const attributes = new Map<string, string>();
  const pattern = /\s+([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gy;
  let pos = 0;
  for (;;) {
    pattern.lastIndex = pos;
    const match = pattern.exec(text);
    if (!match) break;
    const [, name = '', double, single] = match;
    const value = double ?? single ?? '';
    if (!NAME.test(name) || attributes.has(name) || value.includes('<') || ENTITY.test(value))
      throw new Error(`bad attribute ${name} at ${at}`);
    attributes.set(name, value);
    pos = pattern.lastIndex;
  }
  if (text.slice(pos).trim() !== '') throw new Error(`bad attribute syntax at ${at}`);
  return attributes;
}

/** Every element in document order; throws with a reason when the text is not well-formed XML. */
export function parseXmlElements(xml: string): XmlElement[] {
  const elements: XmlElement[] = [];
  const open: string[] = [];
  // The namespace prefixes declared on each open element, innermost last (`xml` is always bound).
  const scopes: Set<string>[] = [new Set(['xml'])];
  const declared = (prefix: string) => scopes.some((scope) => scope.has(prefix));
  let roots = 0;
  let pos = 0;
  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    const text = xml.slice(pos, lt < 0 ? xml.length : lt);
    if (text.trim() !== '' && open.length === 0) throw new Error(`text outside the root element at ${pos}`);
    if (ENTITY.test(text) || text.includes(']]>')) throw new Error(`bad character data at ${pos}`);
    if (lt < 0) break;
    const rest = xml.slice(lt);
    const skip = (end: string) => {
      const close = xml.indexOf(end, lt);
      if (close < 0) throw new Error(`unterminated markup at ${lt}`);
      pos = close + end.length;
    };
    if (rest.startsWith('<?')) skip('?>');
    else if (rest.startsWith('<!--')) skip('-->');
    else if (rest.startsWith('<![CDATA[')) {
      if (open.length === 0) throw new Error(`CDATA outside the root element at ${lt}`);
      skip(']]>');
    } else if (rest.startsWith('<!')) throw new Error('DOCTYPE and other declarations are not allowed');
    else {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) throw new Error(`unterminated tag at ${lt}`);
      const tag = xml.slice(lt + 1, gt);
      pos = gt + 1;
      if (tag.startsWith('/')) {
        const name = tag.slice(1).trim();
        if (open.pop() !== name) throw new Error(`unexpected </${name}> at ${lt}`);
        scopes.pop();
        continue;
      }
      const selfClosing = tag.endsWith('/');
      const body = selfClosing ? tag.slice(0, -1) : tag;
      const name = /^[^\s/>]+/.exec(body)?.[0] ?? '';
      if (!NAME.test(name)) throw new Error(`bad element name at ${lt}`);
      if (open.length === 0 && ++roots > 1) throw new Error(`a second root element at ${lt}`);
      const attributes = parseAttributes(body.slice(name.length), lt);
      const scope = new Set(
        [...attributes.keys()].filter((key) => key.startsWith('xmlns:')).map((key) => key.slice(6)),
      );
      scopes.push(scope);
      for (const qualified of [name, ...[...attributes.keys()].filter((key) => !key.startsWith('xmlns'))]) {
        const prefix = qualified.includes(':') ? qualified.slice(0, qualified.indexOf(':')) : null;
        if (prefix !== null && !declared(prefix))
          throw new Error(`the namespace prefix ${prefix} is not declared (at ${lt})`);
      }
      elements.push({ localName: name.includes(':') ? name.slice(name.indexOf(':') + 1) : name, attributes });
      if (selfClosing) scopes.pop();
      else open.push(name);
    }
  }
  if (open.length > 0) throw new Error(`<${open.at(-1) ?? ''}> is never closed`);
  if (roots === 0) throw new Error('no root element');
  return elements;
}

/**
 * What is wrong with IdP metadata, or null: well-formed XML whose EntityDescriptor names an entityID and describes an
 * IdP (IDPSSODescriptor with a SingleSignOnService).
 */
export function metadataProblem(xml: string): string | null {
  let elements: XmlElement[];
  try {
    elements = parseXmlElements(xml);
  } catch (error) {
    return `is not well-formed XML (${(error as Error).message})`;
  }
  const entity = elements.find((e) => e.localName === 'EntityDescriptor');
  if (!entity?.attributes.get('entityID')) return 'has no EntityDescriptor with an entityID';
  if (!elements.some((e) => e.localName === 'IDPSSODescriptor'))
    return 'describes no identity provider (IDPSSODescriptor)';
  if (!elements.some((e) => e.localName === 'SingleSignOnService' && e.attributes.get('Location')))
    return 'has no SingleSignOnService location';
  return null;
}

/** The IdP's entity ID from well-formed metadata; null otherwise. */
export function metadataEntityId(xml: string): string | null {
  try {
    return (
      parseXmlElements(xml)
        .find((e) => e.localName === 'EntityDescriptor')
        ?.attributes.get('entityID') ?? null
    );
  } catch {
    return null;
  }
}
