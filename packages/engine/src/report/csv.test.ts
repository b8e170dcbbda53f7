import { describe, expect, it } from 'vitest';
import { csvField } from './csv.js';

describe('csv fields', () => {
  it('quotes only fields that need it, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(undefined)).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula (resource names and tags are attacker-chosen)', () => {
    expect(csvField('=HYPERLINK("http://evil.example","x")')).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"');
    expect(['+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'].map(csvField)).toEqual(["'+1", "'-2+3", "'@SUM(A1)", "'\tcmd", '"\'\rcmd"']);
    expect(csvField('vol-1 = unattached')).toBe('vol-1 = unattached');
    expect(csvField(-1.5)).toBe('-1.5');
  });
});
