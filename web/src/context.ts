// What every page may ask of the app: the server's capabilities and who is signed in.
import { createContext, useContext } from 'react';
import type { Capabilities } from './capabilities';

export interface Me {
  person: string;
  teams: string[];
  roles: string[];
}

export interface AppState {
  capabilities: Capabilities;
  me: Me | null; // null when the server has no "who am I" endpoint
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside the signed-in app');
  return state;
}
