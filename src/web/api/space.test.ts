import { describe, expect, it } from 'vitest';
import { NETWORK_HEADER as CONTRACT_HEADER } from '#contracts/networks';
import {
  currentNetwork,
  enterNetwork,
  leaveNetworkSpace,
  NETWORK_HEADER,
  spaceHeaders,
  subscribeToSpace,
  type SpaceStorage,
} from './space';
import { networkEntryOf } from '../networks/entry';

const ID = '3f1c2a9e-8b7d-4c6e-9f00-1a2b3c4d5e6f';

function memoryStorage(): SpaceStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => {
      map.set(key, value);
    },
    removeItem: (key) => {
      map.delete(key);
    },
  };
}

describe('the space per tab (ADR 0032)', () => {
  it('NET-WEB-1 the header the web names a network in is the contract’s', () => {
    expect(NETWORK_HEADER).toBe(CONTRACT_HEADER);
  });

  it('NET-WEB-1 /n/:networkId enters the network at home; /n/:networkId/<rest> keeps the rest, its query and hash', () => {
    expect(networkEntryOf(`/n/${ID}`)).toEqual({ networkId: ID, to: '/' });
    expect(networkEntryOf(`/n/${ID}/`)).toEqual({ networkId: ID, to: '/' });
    expect(networkEntryOf(`/n/${ID.toUpperCase()}/teams/abc`, '?tab=1', '#m')).toEqual({
      networkId: ID,
      to: '/teams/abc?tab=1#m',
    });
    expect(networkEntryOf('/n/not-an-id')).toBeNull();
    expect(networkEntryOf('/teams/abc')).toBeNull();
    expect(networkEntryOf(`/x/n/${ID}`)).toBeNull();
  });

  it('NET-WEB-1 a session call names the tab’s network; a public call and a tab in its district name none', () => {
    expect(spaceHeaders('session', ID)).toEqual({ [NETWORK_HEADER]: ID });
    expect(spaceHeaders('public', ID)).toEqual({});
    expect(spaceHeaders('session', null)).toEqual({});
  });

  it('NET-WEB-1 entering keeps the network in the tab’s storage and tells listeners; leaving forgets it', () => {
    const storage = memoryStorage();
    let told = 0;
    const stop = subscribeToSpace(() => {
      told++;
    });
    expect(currentNetwork(storage)).toBeNull();
    enterNetwork(ID, storage);
    expect(currentNetwork(storage)).toBe(ID);
    leaveNetworkSpace(storage);
    expect(currentNetwork(storage)).toBeNull();
    expect(told).toBe(2);
    stop();
    // Something else written under the key is not a network.
    storage.map.set('ensemble.network', 'nonsense');
    expect(currentNetwork(storage)).toBeNull();
    // No storage at all (switched off): the tab stays in its district.
    expect(currentNetwork(null)).toBeNull();
  });
});
