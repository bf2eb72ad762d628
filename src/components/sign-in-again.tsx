// How an error panel offers **Sign in again** after a 401. The signed-in app provides the action
// (an interactive token request from the auth module, which returns to the same address);
// outside it, as in component tests of other panels, the panel only says what to do.
import { createContext, useContext, type ReactNode } from 'react';

/** Starts an interactive sign-in; resolves when the redirect has started, rejects if it cannot. */
export type SignInAgain = () => Promise<void>;

const SignInAgainContext = createContext<SignInAgain | null>(null);

export function SignInAgainProvider({
  signInAgain,
  children,
}: {
  signInAgain: SignInAgain;
  children: ReactNode;
}) {
  return <SignInAgainContext value={signInAgain}>{children}</SignInAgainContext>;
}

export function useSignInAgain(): SignInAgain | null {
  return useContext(SignInAgainContext);
}
