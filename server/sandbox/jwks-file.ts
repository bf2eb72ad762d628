import { readFile } from 'node:fs/promises';
import type { JSONWebKeySet, JWK } from 'jose';
import { toPublicJwks } from './auth';

/**
 * Reads the keys the sandbox trusts from a file: a JWKS (`{ "keys": [...] }`) or one JWK, such as the private
 * signing key the local identity provider persists. Only public members are kept.
 */
export async function readJwksFile(path: string): Promise<JSONWebKeySet> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new Error(`cannot read ${path} (${code})`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${path} is not JSON`);
  }
  if (typeof json !== 'object' || json === null) throw new Error(`${path} is not a JWKS or a JWK`);
  const keys = 'keys' in json ? json.keys : [json];
  if (!Array.isArray(keys) || keys.length === 0) throw new Error(`${path} holds no keys`);
  for (const key of keys) {
    if (typeof key !== 'object' || key === null || typeof (key as JWK).kty !== 'string') {
      throw new Error(`${path} holds something that is not a JWK (no kty)`);
    }
  }
  return toPublicJwks({ keys: keys as JWK[] });
}
