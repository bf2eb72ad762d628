// oidc-provider 9 ships no type declarations. These cover only what server/idp uses, written
// from the library's documentation and source (lib/provider.js, lib/helpers/defaults.js).
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface ClientMetadata {
    client_id: string;
    client_name?: string;
    application_type?: 'web' | 'native';
    token_endpoint_auth_method: 'none';
    grant_types: string[];
    response_types: string[];
    redirect_uris: string[];
    post_logout_redirect_uris: string[];
  }

  export interface Client {
    clientId: string;
    clientName?: string;
    redirectUris: string[];
    grantTypeAllowed(grantType: string): boolean;
  }

  export interface Session {
    accountId?: string;
    grantIdFor(clientId: string): string | undefined;
  }

  export interface InteractionResults {
    login?: { accountId: string; remember?: boolean };
    consent?: { grantId?: string };
    [prompt: string]: unknown;
  }

  export interface Interaction {
    uid: string;
    prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
    params: Record<string, unknown>;
    session?: { accountId?: string };
    grantId?: string;
  }

  export interface OIDCContext {
    provider: Provider;
    client?: Client;
    session?: Session;
    result?: InteractionResults;
  }

  export interface KoaContextWithOIDC {
    oidc: OIDCContext;
    body: unknown;
    type: string;
    host: string;
  }

  /** An issued token as extraTokenClaims sees it. */
  export interface TokenLike {
    accountId?: string;
    clientId?: string;
    kind: string;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Promise<Record<string, unknown>>;
  }

  export interface ResourceServerInfo {
    scope: string;
    audience: string;
    accessTokenTTL: number;
    accessTokenFormat: 'jwt' | 'opaque';
    jwt?: { sign: { alg: string } };
  }

  export type TtlFunction = (ctx: KoaContextWithOIDC, token: unknown, client: Client) => number;

  /** What the provider stores per model (session, code, token, grant, interaction). */
  export interface AdapterPayload {
    uid?: string;
    grantId?: string;
    consumed?: number;
    [member: string]: unknown;
  }

  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export interface Configuration {
    adapter: (model: string) => Adapter;
    clients: ClientMetadata[];
    jwks: { keys: object[] };
    cookies: { keys: string[] };
    claims: Record<string, string[]>;
    conformIdTokenClaims: boolean;
    clientBasedCORS(ctx: KoaContextWithOIDC, origin: string, client: Client): boolean;
    findAccount(ctx: KoaContextWithOIDC, sub: string): Promise<Account | undefined>;
    loadExistingGrant(ctx: KoaContextWithOIDC): Promise<Grant | undefined>;
    issueRefreshToken(ctx: KoaContextWithOIDC, client: Client): Promise<boolean>;
    extraTokenClaims(
      ctx: KoaContextWithOIDC,
      token: TokenLike,
    ): Promise<Record<string, unknown> | undefined>;
    interactions: {
      policy: Prompt[];
      url(ctx: KoaContextWithOIDC, interaction: Interaction): string;
    };
    renderError(ctx: KoaContextWithOIDC, out: Record<string, string>, error: Error): Promise<void>;
    routes: Record<string, string>;
    features: {
      devInteractions: { enabled: boolean };
      resourceIndicators: {
        enabled: boolean;
        defaultResource(ctx: KoaContextWithOIDC): Promise<string>;
        useGrantedResource(ctx: KoaContextWithOIDC): Promise<boolean>;
        getResourceServerInfo(
          ctx: KoaContextWithOIDC,
          resourceIndicator: string,
          client: Client,
        ): Promise<ResourceServerInfo>;
      };
      rpInitiatedLogout: {
        enabled: boolean;
        logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void>;
        postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void>;
      };
    };
    ttl: Record<string, number | TtlFunction>;
  }

  export class Grant {
    constructor(init: { accountId: string; clientId: string });
    accountId: string;
    clientId: string;
    addOIDCScope(scope: string): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
    static find(id: string): Promise<Grant | undefined>;
  }

  export class Provider {
    constructor(issuer: string, configuration: Configuration);
    readonly issuer: string;
    readonly Grant: typeof Grant;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(event: string, listener: (ctx: KoaContextWithOIDC, error: Error) => void): this;
  }

  export class Prompt {
    constructor(init: { name: string; requestable: boolean });
    readonly name: string;
  }

  export const interactionPolicy: {
    Prompt: typeof Prompt;
    base(): Prompt[] & { add(prompt: Prompt, index?: number): void };
  };

  export const errors: {
    InvalidTarget: new (description?: string) => Error;
    SessionNotFound: new (description?: string) => Error;
  };

  export default Provider;
}
