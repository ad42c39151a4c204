import { describe, expect, it } from 'vitest';
import { offlineEnabled } from '../../scripts/lib/service-worker.mjs';

describe('offline course switch', () => {
  it('is on by default, off with OFFLINE=0 and always off for a SCORM package build', () => {
    expect(offlineEnabled({})).toBe(true);
    expect(offlineEnabled({ OFFLINE: '1' })).toBe(true);
    expect(offlineEnabled({ OFFLINE: '0' })).toBe(false);
    expect(offlineEnabled({ SCORM_PACKAGE: '1' })).toBe(false);
    expect(offlineEnabled({ OFFLINE: '1', SCORM_PACKAGE: '1' })).toBe(false);
  });
});
