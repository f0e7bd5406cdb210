// How a case's detail leads to its persistent problem: the console provides the way to its 顽症 tab; elsewhere
// (desks) there is none, and the case shows no problem.
import { createContext, useContext } from 'react';
import type { ProblemSelection } from './use-problem-board.ts';

export const ProblemNavigation = createContext<((selection: ProblemSelection) => void) | null>(null);

export const useProblemNavigation = () => useContext(ProblemNavigation);
