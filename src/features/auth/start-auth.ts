// Runs before the first render: MSAL must be initialised and a sign-in redirect consumed before
// the app decides between the landing page and the signed-in shell.
import {
  EventType,
  type AccountInfo,
  type EventMessage,
  type IPublicClientApplication,
} from '@azure/msal-browser';

function isAccount(payload: EventMessage['payload']): payload is AccountInfo {
  return typeof payload === 'object' && payload !== null && 'homeAccountId' in payload;
}

export interface AuthStart {
  /** A failed sign-in redirect (e.g. the user cancelled), shown on the landing page. */
  redirectError: unknown;
}

export async function startAuth(instance: IPublicClientApplication): Promise<AuthStart> {
  await instance.initialize();
  // In MSAL 5 the LOGIN_SUCCESS payload is the account itself.
  instance.addEventCallback(
    (message) => {
      if (isAccount(message.payload)) instance.setActiveAccount(message.payload);
    },
    [EventType.LOGIN_SUCCESS],
  );

  let redirectError: unknown = null;
  try {
    const result = await instance.handleRedirectPromise();
    if (result?.account) instance.setActiveAccount(result.account);
  } catch (error) {
    redirectError = error;
  }
  if (instance.getActiveAccount() === null) {
    const [first] = instance.getAllAccounts();
    if (first !== undefined) instance.setActiveAccount(first);
  }
  return { redirectError };
}
