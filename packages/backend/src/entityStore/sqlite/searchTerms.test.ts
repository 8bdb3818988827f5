import Database from 'better-sqlite3';
import {
  appendRowTerms,
  escapeOriginalText,
  escapeTermText,
  termSeparator,
  unescapeTermSql,
  unescapeTermText,
} from './searchTerms';

describe('searchTerms', () => {
  it('escapes only spaces, quotes, control characters, ! and ~', () => {
    expect(escapeTermText('url:https://a.b/c?d=e')).toBe('url:https://a.b/c?d=e');
    expect(escapeTermText('a b"c!d~e\u007f\n')).toBe('a!20b!zc!yd~0e~1!0a');
    expect(escapeOriginalText('Team A')).toBe('!54eam!20!41');
  });

  it('round-trips any text', () => {
    for (const text of ['', 'plain', 'a b"c!d~e\u007f\n', 'Ünï Cödé 😀', '!y!z~0~1', 'Team A']) {
      expect(unescapeTermText(escapeTermText(text))).toBe(text);
      expect(unescapeTermText(escapeOriginalText(text))).toBe(text);
    }
  });

  it('keeps the byte order of the values it encodes', () => {
    const values = ['a', 'a b', 'a!', 'a"', 'a#', 'ab', 'a~', 'a\u007f', 'aé', 'a\u0001', 'z'];
    const byBytes = [...values].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    const byTerms = [...values].sort((x, y) =>
      Buffer.compare(Buffer.from(escapeTermText(x)), Buffer.from(escapeTermText(y))),
    );
    expect(byTerms).toEqual(byBytes);
  });

  it('turns rows into primary, other, bare and original terms', () => {
    const terms: string[] = [];
    appendRowTerms(terms, [
      { key: 'kind', value: 'component', original: 'Component', primary: true },
      { key: 'metadata.tags', value: 'go', original: null, primary: false },
      { key: 'spec.owner', value: null, original: null, primary: false },
    ]);
    expect(terms).toEqual([
      `kind${termSeparator.primary}component`,
      `kind${termSeparator.original}!43omponent`,
      `metadata.tags${termSeparator.other}go`,
      `spec.owner${termSeparator.bare}`,
    ]);
  });

  it('reverses the escapes in SQL as unescapeTermText does', () => {
    const db = new Database(':memory:');
    try {
      const statement = db.prepare(`SELECT ${unescapeTermSql('?')} AS text`);
      for (const text of ['plain', 'a b"c!d~e\u007f\n', '~1', '\u007f0', '!00', '!y', '~0!z', 'Ünï 😀']) {
        expect((statement.get(escapeTermText(text)) as { text: string }).text).toBe(text);
      }
    } finally {
      db.close();
    }
  });
});
