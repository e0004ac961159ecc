/**
 * A small streaming XML walk over saxes for the formats that are zips of XML (OFD). Element
 * names come without their namespace prefix (`ofd:TextCode` → `TextCode`), since producers
 * differ in the prefix they pick. saxes expands no custom entities and loads no DTD, so an
 * "entity bomb" or an external entity is an error, not a fetch or a blow-up.
 */
import { SaxesParser } from 'saxes';

/** Callbacks for one walk; any may be left out. */
export interface XmlHandlers {
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  text?(text: string): void;
  close?(name: string): void;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Walk an XML text, calling the handlers in document order. Throws on malformed XML. */
export function walkXml(xml: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser();
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => handlers.open?.(localName(tag.name), tag.attributes as Record<string, string>));
  parser.on('text', (text) => handlers.text?.(text));
  parser.on('cdata', (text) => handlers.text?.(text));
  parser.on('closetag', (tag) => handlers.close?.(localName(tag.name)));
  parser.write(xml.replace(/^\uFEFF/, '')).close();
  if (failure) throw failure;
}
