import { parseFieldsParams } from './parseFieldsParams';

describe('parseFieldsParams', () => {
  it('merges comma-joined and repeated values, without blanks or duplicates', () => {
    expect(parseFieldsParams(['kind,metadata.name', ' metadata.name ,', 'spec.owner'])).toEqual([
      'kind',
      'metadata.name',
      'spec.owner',
    ]);
  });

  it('gives undefined when nothing is asked, so the stored JSON is served', () => {
    expect(parseFieldsParams([])).toBeUndefined();
    expect(parseFieldsParams([','])).toBeUndefined();
  });

  it('refuses array index syntax', () => {
    expect(() => parseFieldsParams(['metadata.tags[0]'])).toThrow(
      'Invalid field "metadata.tags[0]", array type fields are not supported',
    );
  });
});
