import { describe, expect, it } from 'vitest';
import { api, featureApis } from './api';
import { coreApi } from './api-core';

describe('the merged catalogue (ADR 0026)', () => {
  it('API-CAT-1 is the core and the feature modules, each endpoint in exactly one of them', () => {
    const modules: Record<string, object> = { core: coreApi, ...featureApis };
    const seen = new Map<string, string>();
    for (const [module, entries] of Object.entries(modules)) {
      for (const name of Object.keys(entries)) {
        expect(seen.get(name), `${name} is in ${module} and ${seen.get(name) ?? ''}`).toBeUndefined();
        seen.set(name, module);
      }
    }
    expect([...seen.keys()].sort()).toEqual(Object.keys(api).sort());
  });
});
