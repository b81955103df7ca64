import { describe, expect, it } from 'vitest';
import { layoutJson } from './layout-json.js';

describe('layoutJson', () => {
  it("writes protobuf's MessageToJson with defaults: set fields first, unset oneofs left out", () => {
    const text = layoutJson({
      version: 0,
      category: [
        { title: 'losses', closed: false, chart: [{ title: 'loss', multiline: { tag: ['loss/.*'] } }, { title: '', margin: { series: [{ value: 'acc', lower: '', upper: 'hi' }] } }] },
        { title: '', closed: true, chart: [] },
      ],
    });
    expect(text).toBe(
      [
        '{',
        '  "category": [',
        '    {',
        '      "title": "losses",',
        '      "chart": [',
        '        {',
        '          "title": "loss",',
        '          "multiline": {',
        '            "tag": [',
        '              "loss/.*"',
        '            ]',
        '          }',
        '        },',
        '        {',
        '          "margin": {',
        '            "series": [',
        '              {',
        '                "value": "acc",',
        '                "upper": "hi",',
        '                "lower": ""',
        '              }',
        '            ]',
        '          },',
        '          "title": ""',
        '        }',
        '      ],',
        '      "closed": false',
        '    },',
        '    {',
        '      "closed": true,',
        '      "title": "",',
        '      "chart": []',
        '    }',
        '  ],',
        '  "version": 0',
        '}',
      ].join('\n'),
    );
  });

  it('escapes non-ASCII characters as Python does, and writes a set version first', () => {
    expect(layoutJson({ version: 1, category: [] })).toBe('{\n  "version": 1,\n  "category": []\n}');
    expect(layoutJson({ version: 0, category: [{ title: 'ü–😀', closed: false, chart: [] }] })).toContain('"title": "\\u00fc\\u2013\\ud83d\\ude00"');
  });
});
