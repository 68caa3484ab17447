/** The panel's state (state.ts), provided once by main.tsx and read by any component. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PanelState } from './state';

export const PanelContext = createContext<PanelState | null>(null);

export function usePanel(): PanelState {
  const state = useContext(PanelContext);
  if (!state) throw new Error('usePanel() outside <PanelContext.Provider>');
  return state;
}
