import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type {
  Configuration,
  Grant,
  KoaContextWithOIDC,
  Provider as OidcProvider,
} from 'oidc-provider';
import { API_RESOURCE, API_SCOPE } from '../../src/lib/referrals/schema';
import type { PrivateSigningJwk } from '../local-secrets';
import type { Middleware } from '../proxy/referrals-proxy';
import type { SandboxAccount } from './accounts';
import { createInteractionHandler } from './interactions';
import { importOidcProvider } from './load-oidc-provider';
import { createMemoryAdapterFactory } from './memory-adapter';
import { errorPage, signOutPage, signedOutPage } from './pages';

/** The sandbox's single client: the Referral Lens SPA (public, PKCE). */
export const SANDBOX_CLIENT_ID = 'referral-lens-sandbox';
/** The `scp` claim Entra ID puts in a Partner Center token; the sandbox API checks it. */
export const SANDBOX_TOKEN_SCP = 'user_impersonation';
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 3600;

// Fixed endpoint paths under the issuer, so the browser config can name them without discovery.
const ROUTES = {
  authorization: '/auth',
  token: '/token',
  end_session: '/session/end',
  jwks: '/jwks',
  userinfo: '/me',
} as const;

const OIDC_SCOPES = 'openid profile email offline_access';
// Entra ID keeps SPA refresh tokens for 24 hours; the sandbox does the same.
const REFRESH_TOKEN_TTL_SECONDS = 24 * 60 * 60;
const SESSION_TTL_SECONDS = 14 * 24 * 60 * 60;

/** What MSAL's `auth.authorityMetadata` takes, so it skips the discovery round trip. */
export interface AuthorityMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint: string;
}

export interface SandboxIdentityProviderOptions {
  /** e.g. `https://localhost:5173/oidc`; its path is where the middleware answers. */
  issuer: string;
  /** The app's URL (`https://localhost:5173/`): redirect and post-logout redirect URI. */
  appUrl: string;
  signingKey: PrivateSigningJwk;
  accessTokenTtlSeconds?: number;
  /** Where unexpected provider errors are reported (messages only, never tokens). */
  logError?: (message: string) => void;
}

export interface SandboxIdentityProvider {
  issuer: string;
  clientId: string;
  metadata: AuthorityMetadata;
  /** Answers everything under the issuer's path; passes other requests on. */
  middleware: Middleware;
}

export function authorityMetadataFor(issuer: string): AuthorityMetadata {
  return {
    issuer,
    authorization_endpoint: `${issuer}${ROUTES.authorization}`,
    token_endpoint: `${issuer}${ROUTES.token}`,
    end_session_endpoint: `${issuer}${ROUTES.end_session}`,
    jwks_uri: `${issuer}${ROUTES.jwks}`,
    userinfo_endpoint: `${issuer}${ROUTES.userinfo}`,
  };
}

export async function createSandboxIdentityProvider(
  options: SandboxIdentityProviderOptions,
): Promise<SandboxIdentityProvider> {
  const { Provider, interactionPolicy, errors } = await importOidcProvider();
  const issuer = options.issuer.replace(/\/+$/, '');
  const mountPath = new URL(issuer).pathname.replace(/\/+$/, '');
  const issuerHost = new URL(issuer).host;
  const appOrigin = new URL(options.appUrl).origin;
  const accessTokenTtl = options.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS;
  const logError = options.logError ?? ((message) => console.error(message));
  // Accounts live as long as the process, like the provider's in-memory sessions.
  const accounts = new Map<string, SandboxAccount>();

  const policy = interactionPolicy.base();
  // MSAL's "sign in with another account" sends prompt=select_account: show the sign-in page.
  policy.add(new interactionPolicy.Prompt({ name: 'select_account', requestable: true }), 0);

  const configuration: Configuration = {
    adapter: createMemoryAdapterFactory(),
    clients: [
      {
        client_id: SANDBOX_CLIENT_ID,
        client_name: 'Referral Lens (sandbox)',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [options.appUrl],
        post_logout_redirect_uris: [options.appUrl],
      },
    ],
    jwks: { keys: [options.signingKey] },
    // Cookies only need to outlive this process: sessions are in memory too.
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      email: ['email', 'email_verified'],
    },
    // MSAL reads the user's name and e-mail from the ID token, never from userinfo.
    conformIdTokenClaims: false,
    clientBasedCORS: (_ctx, origin) => origin === appOrigin,
    findAccount: async (_ctx, sub) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          name: account.name,
          preferred_username: account.email,
          email: account.email,
          email_verified: true,
        }),
      };
    },
    // Grants every scope at once, so there is never a consent page.
    loadExistingGrant: async (ctx) => {
      const { client, session, result, provider } = ctx.oidc;
      const accountId = session?.accountId;
      if (!client || !accountId) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      const existing: Grant | undefined = grantId ? await provider.Grant.find(grantId) : undefined;
      const grant =
        existing && existing.accountId === accountId
          ? existing
          : new provider.Grant({ accountId, clientId: client.clientId });
      grant.addOIDCScope(OIDC_SCOPES);
      grant.addResourceScope(API_RESOURCE, API_SCOPE);
      await grant.save();
      return grant;
    },
    // oidc-provider drops offline_access without a consent prompt; issue refresh tokens anyway.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    extraTokenClaims: async (_ctx, token) => {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const account = accounts.get(token.accountId);
      return {
        scp: SANDBOX_TOKEN_SCP,
        azp: token.clientId,
        oid: token.accountId,
        ...(account ? { name: account.name, preferred_username: account.email } : {}),
      };
    },
    interactions: {
      policy,
      url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}`,
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage({
        title: 'Sign-in problem',
        description: out.error_description ?? out.error ?? 'The sign-in request failed.',
        appUrl: options.appUrl,
      });
    },
    routes: { ...ROUTES },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        // MSAL never sends `resource`: every token is for the Partner Center API.
        defaultResource: async () => API_RESOURCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resourceIndicator) => {
          if (resourceIndicator !== API_RESOURCE) throw new errors.InvalidTarget();
          return {
            scope: API_SCOPE,
            audience: API_RESOURCE,
            accessTokenTTL: accessTokenTtl,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = signOutPage(form);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html';
          ctx.body = signedOutPage(options.appUrl);
        },
      },
    },
    ttl: {
      AccessToken: accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      Interaction: 30 * 60,
      RefreshToken: REFRESH_TOKEN_TTL_SECONDS,
      Session: SESSION_TTL_SECONDS,
      Grant: SESSION_TTL_SECONDS,
    },
  };

  const provider: OidcProvider = new Provider(issuer, configuration);
  provider.on('server_error', (_ctx: KoaContextWithOIDC, error: Error) => {
    logError(`Sandbox identity provider error: ${error.message}`);
  });
  const handleProvider = provider.callback();
  const handleInteraction = createInteractionHandler({
    provider,
    accounts,
    isSessionNotFound: (error) => error instanceof errors.SessionNotFound,
    appUrl: options.appUrl,
    interactionPath: (uid) => `${mountPath}/interaction/${uid}`,
    logError,
  });

  const middleware: Middleware = (req, res, next) => {
    const url = req.url ?? '';
    if (!(
      url === mountPath ||
      url.startsWith(`${mountPath}/`) ||
      url.startsWith(`${mountPath}?`)
    )) {
      next();
      return;
    }
    // oidc-provider writes its endpoints' URLs from the request's host: make that the configured
    // one, so no request can put another host into the discovery document or a redirect.
    req.headers.host = issuerHost;
    if (req.headers[':authority'] !== undefined) req.headers[':authority'] = issuerHost;
    const inner = url.slice(mountPath.length) || '/';
    const interaction = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?(?:\?|$)/.exec(inner);
    if (interaction) {
      handleInteraction(req, res, interaction[1]!, interaction[2] ? 'login' : 'show');
      return;
    }
    // oidc-provider works out its mount path from originalUrl minus url, as under connect's use().
    const mounted = req as IncomingMessage & { originalUrl?: string };
    mounted.originalUrl ??= url;
    mounted.url = inner;
    handleProvider(req, res).catch(next);
  };

  return {
    issuer,
    clientId: SANDBOX_CLIENT_ID,
    metadata: authorityMetadataFor(issuer),
    middleware,
  };
}
