/** A manifest as the build writes one, for tests that write versions without building a brief. */
import { MANIFEST_VERSION, type FileRecord, type Manifest } from '../../src/archive/manifest.js';

export function testManifest(brief: Manifest['brief'], fingerprint: string, outputs: FileRecord[]): Manifest {
  return {
    manifestVersion: MANIFEST_VERSION,
    tool: { name: 'briefwright', version: 'test' },
    brief,
    createdAt: '2023-03-09T06:30:00.000Z',
    fingerprint,
    options: {},
    inputs: [],
    outputs,
    warnings: [],
  };
}
