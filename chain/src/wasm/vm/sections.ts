/**
 * cosmwasm's "sections" encoding for several byte strings in one Region: each section is its
 * data followed by its length as a big-endian u32.
 */
export function encodeSections(sections: Uint8Array[]): Uint8Array {
  const total = sections.reduce((sum, section) => sum + section.length + 4, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const section of sections) {
    out.set(section, at);
    at += section.length;
    view.setUint32(at, section.length, false);
    at += 4;
  }
  return out;
}

/** Decodes from the end, as the length trails each section; undefined if the layout is broken. */
export function decodeSections(data: Uint8Array): Uint8Array[] | undefined {
  const sections: Uint8Array[] = [];
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let end = data.length;
  while (end > 0) {
    if (end < 4) return undefined;
    const length = view.getUint32(end - 4, false);
    const start = end - 4 - length;
    if (start < 0) return undefined;
    sections.push(data.subarray(start, end - 4));
    end = start;
  }
  return sections.reverse();
}
