import type { Adapter, AdapterPayload } from 'oidc-provider';

// The sandbox keeps sessions, codes and tokens in memory on purpose: a restart signs everyone
// out, which is what a local emulator should do. This is oidc-provider's documented adapter
// interface over one Map per provider, with expiry, and the grant and session-uid indexes that
// revocation and session lookup need.

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

const GRANT_MEMBERS = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

const SWEEP_AT = 10_000;

/** Makes an adapter factory whose instances share one store (one per provider). */
export function createMemoryAdapterFactory(
  now: () => number = Date.now,
): (model: string) => Adapter {
  const entries = new Map<string, Entry>();
  const sessionsByUid = new Map<string, string>();
  const grantMembers = new Map<string, Set<string>>();

  const read = (key: string): AdapterPayload | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.payload;
  };

  // Expired entries are dropped when read; a long-running server also sweeps now and then.
  const sweep = () => {
    const time = now();
    for (const [key, entry] of entries) if (entry.expiresAt <= time) entries.delete(key);
  };

  return (model) => {
    const keyOf = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        const key = keyOf(id);
        const expiresAt =
          typeof expiresIn === 'number' && expiresIn > 0
            ? now() + expiresIn * 1000
            : Number.POSITIVE_INFINITY;
        if (entries.size >= SWEEP_AT) sweep();
        entries.set(key, { payload, expiresAt });
        if (model === 'Session' && payload.uid) sessionsByUid.set(payload.uid, id);
        if (GRANT_MEMBERS.has(model) && payload.grantId) {
          const members = grantMembers.get(payload.grantId) ?? new Set<string>();
          members.add(key);
          grantMembers.set(payload.grantId, members);
        }
      },
      async find(id) {
        return read(keyOf(id));
      },
      async findByUid(uid) {
        const id = sessionsByUid.get(uid);
        return id === undefined ? undefined : read(keyOf(id));
      },
      async findByUserCode() {
        // No device flow in the sandbox.
        return undefined;
      },
      async consume(id) {
        const payload = read(keyOf(id));
        if (payload) payload.consumed = Math.floor(now() / 1000);
      },
      async destroy(id) {
        const key = keyOf(id);
        const payload = entries.get(key)?.payload;
        entries.delete(key);
        if (payload?.uid && sessionsByUid.get(payload.uid) === id)
          sessionsByUid.delete(payload.uid);
      },
      async revokeByGrantId(grantId) {
        for (const key of grantMembers.get(grantId) ?? []) entries.delete(key);
        grantMembers.delete(grantId);
      },
    };
  };
}
